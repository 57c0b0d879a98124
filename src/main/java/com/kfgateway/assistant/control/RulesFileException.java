package com.kfgateway.assistant.control;

/** A rules file that cannot be used, naming the line (0 when the problem is the file as a whole). */
public class RulesFileException extends Exception {

    private final int lineNumber;

    public RulesFileException(int lineNumber, String problem) {
        super((lineNumber > 0 ? "line " + lineNumber + ": " : "") + problem);
        this.lineNumber = lineNumber;
    }

    public int lineNumber() {
        return lineNumber;
    }
}
