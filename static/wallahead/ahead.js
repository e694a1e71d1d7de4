/* Carries the settings one arrow key away to the Übersicht's wall (ui/wallview.py): the page draws the wall with
 * the current numbers first and computes these afterwards, so the numbers reach the room before them. This frame
 * shows nothing; it hands them on over the session's BroadcastChannel ({type: "ahead", ident, packed}) when they
 * arrive and again when the wall asks for them ({type: "want", ident}).
 */
(function () {
  "use strict";
  var chan = null, chanName = null, last = null;

  function send(type, extra) {
    var msg = {isStreamlitMessage: true, apiVersion: 1, type: type};
    for (var k in extra) { if (Object.prototype.hasOwnProperty.call(extra, k)) { msg[k] = extra[k]; } }
    window.parent.postMessage(msg, "*");
  }

  function post() { if (chan && last) { chan.postMessage({type: "ahead", ident: last.ident, packed: last.packed}); } }

  window.addEventListener("message", function (event) {
    if (!event.data || event.data.type !== "streamlit:render") { return; }
    var a = event.data.args;
    if (!chanName) { send("streamlit:setFrameHeight", {height: 0}); }  // nothing to show
    if (a.channel !== chanName) {
      if (chan) { chan.close(); }
      chanName = a.channel;
      chan = new BroadcastChannel(a.channel);
      chan.onmessage = function (e) {
        if (e.data && e.data.type === "want" && last && e.data.ident === last.ident) { post(); }
      };
    }
    if (!last || last.ident !== a.ident) { last = {ident: a.ident, packed: a.packed}; post(); }
  });
  try { if (window.frameElement) { window.frameElement.setAttribute("aria-hidden", "true"); window.frameElement.tabIndex = -1; } }
  catch (e) { /* another origin */ }
  send("streamlit:componentReady", {});
})();
