-- A knowledge base per KF account: the documents staff gave it (an FAQ file today; PDFs, Word files and tables
-- later) and the entries cut from each, which answer customers. The search index is built from these rows, so a
-- new node or a restart rebuilds it and loses nothing.
CREATE SEQUENCE knowledge_document_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE knowledge_document (
    id           BIGINT         NOT NULL PRIMARY KEY,
    open_kfid    VARCHAR(64)    NOT NULL,
    name         VARCHAR(255)   NOT NULL,
    media_type   VARCHAR(100)   NOT NULL,
    content      TEXT           NOT NULL,
    added_at     TIMESTAMP      NOT NULL,
    added_by     VARCHAR(64)    NOT NULL,
    CONSTRAINT knowledge_document_name UNIQUE (open_kfid, name)
);
CREATE SEQUENCE knowledge_chunk_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE knowledge_chunk (
    id           BIGINT         NOT NULL PRIMARY KEY,
    document_id  BIGINT         NOT NULL REFERENCES knowledge_document (id) ON DELETE CASCADE,
    open_kfid    VARCHAR(64)    NOT NULL,
    position     INTEGER        NOT NULL,
    source_id    VARCHAR(100)   NOT NULL,
    title        VARCHAR(500)   NOT NULL,
    question     TEXT           NOT NULL,
    answer       TEXT           NOT NULL,
    CONSTRAINT knowledge_chunk_position UNIQUE (document_id, position)
);
CREATE INDEX knowledge_chunk_account ON knowledge_chunk (open_kfid, document_id, position);
