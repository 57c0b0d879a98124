// Optional comfort: new replies appear without pressing Refresh. The page works the same without it.
(function () {
    var chat = document.getElementById('chat');
    var state = document.getElementById('session-state');
    if (!chat || !window.fetch || !window.DOMParser) {
        return;
    }
    chat.scrollTop = chat.scrollHeight;
    function poll() {
        if (document.hidden) {
            return;
        }
        fetch(window.location.href, {cache: 'no-store', credentials: 'same-origin'})
            .then(function (response) { return response.ok ? response.text() : null; })
            .then(function (html) {
                if (!html) {
                    return;
                }
                var page = new DOMParser().parseFromString(html, 'text/html');
                var freshChat = page.getElementById('chat');
                var freshState = page.getElementById('session-state');
                if (freshChat && freshChat.innerHTML !== chat.innerHTML) {
                    chat.innerHTML = freshChat.innerHTML;
                    chat.scrollTop = chat.scrollHeight;
                }
                if (freshState && state && freshState.textContent !== state.textContent) {
                    state.textContent = freshState.textContent;
                }
            })
            .catch(function () { /* the next poll tries again */ });
    }
    window.setInterval(poll, 2000);
}());
