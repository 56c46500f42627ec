// A stand-in for testharness.js, for the runner's own tests: test(name,
// fn) records a result, and the harness completes at load (or never,
// when a page sets window.neverComplete).
var __tests = [], __callbacks = [];
function add_completion_callback(f) { __callbacks.push(f); }
function assert_true(v, msg) { if (!v) throw new Error(msg || "assert_true"); }
function assert_equals(a, b, msg) { if (a !== b) throw new Error((msg || "assert_equals") + ": " + a + " !== " + b); }
function AssertionError() {}
function test(fn, name) {
  var t = {name: name, status: 0, message: null};
  try { fn(); } catch (e) { t.status = 1; t.message = String(e.message); }
  __tests.push(t);
}
window.addEventListener("load", function () {
  setTimeout(function () {
    if (window.neverComplete) return;
    for (var i = 0; i < __callbacks.length; i++) __callbacks[i](__tests, {status: 0, message: null});
  }, 10);
});
