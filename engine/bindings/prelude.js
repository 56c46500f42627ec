// The parts of the web bindings written in JavaScript: DOMException,
// Event and its subclasses, EventTarget with the DOM's dispatch
// algorithm, event handler attributes, and console. It runs once per
// window, before any page script, as a function of the Go side's native
// object, and returns the hooks the Go side calls.
(function (native) {
  "use strict";
  const global = globalThis;
  const define = (o, props) => {
    for (const k of Object.keys(props)) {
      Object.defineProperty(o, k, { value: props[k], writable: true, enumerable: true, configurable: true });
    }
  };
  const hidden = (o, k, v) => Object.defineProperty(o, k, { value: v, writable: true, enumerable: false, configurable: true });

  // DOMException (WebIDL).
  const codes = {
    IndexSizeError: 1, HierarchyRequestError: 3, WrongDocumentError: 4, InvalidCharacterError: 5,
    NoModificationAllowedError: 7, NotFoundError: 8, NotSupportedError: 9, InUseAttributeError: 10,
    InvalidStateError: 11, SyntaxError: 12, InvalidModificationError: 13, NamespaceError: 14,
    InvalidAccessError: 15, TypeMismatchError: 17, SecurityError: 18, NetworkError: 19, AbortError: 20,
    URLMismatchError: 21, QuotaExceededError: 22, TimeoutError: 23, InvalidNodeTypeError: 24, DataCloneError: 25,
  };
  const exState = new WeakMap();
  class DOMException extends Error {
    constructor(message = "", name = "Error") {
      super();
      exState.set(this, { message: String(message), name: String(name) });
      delete this.message;
    }
    get name() { return exState.get(this).name; }
    get message() { return exState.get(this).message; }
    get code() { return codes[exState.get(this).name] || 0; }
  }
  Object.defineProperty(DOMException.prototype, Symbol.toStringTag, { value: "DOMException", configurable: true });
  const legacy = ["INDEX_SIZE_ERR", 1, "DOMSTRING_SIZE_ERR", 2, "HIERARCHY_REQUEST_ERR", 3, "WRONG_DOCUMENT_ERR", 4,
    "INVALID_CHARACTER_ERR", 5, "NO_DATA_ALLOWED_ERR", 6, "NO_MODIFICATION_ALLOWED_ERR", 7, "NOT_FOUND_ERR", 8,
    "NOT_SUPPORTED_ERR", 9, "INUSE_ATTRIBUTE_ERR", 10, "INVALID_STATE_ERR", 11, "SYNTAX_ERR", 12,
    "INVALID_MODIFICATION_ERR", 13, "NAMESPACE_ERR", 14, "INVALID_ACCESS_ERR", 15, "VALIDATION_ERR", 16,
    "TYPE_MISMATCH_ERR", 17, "SECURITY_ERR", 18, "NETWORK_ERR", 19, "ABORT_ERR", 20, "URL_MISMATCH_ERR", 21,
    "QUOTA_EXCEEDED_ERR", 22, "TIMEOUT_ERR", 23, "INVALID_NODE_TYPE_ERR", 24, "DATA_CLONE_ERR", 25];
  for (let i = 0; i < legacy.length; i += 2) {
    Object.defineProperty(DOMException, legacy[i], { value: legacy[i + 1], enumerable: true });
    Object.defineProperty(DOMException.prototype, legacy[i], { value: legacy[i + 1], enumerable: true });
  }
  hidden(global, "DOMException", DOMException);

  // Events.
  const NONE = 0, CAPTURING = 1, AT_TARGET = 2, BUBBLING = 3;
  const evState = new WeakMap();
  const st = (e) => {
    const s = evState.get(e);
    if (!s) throw new TypeError("Illegal invocation");
    return s;
  };
  const dict = (init) => {
    if (init === undefined || init === null) return {};
    if (typeof init !== "object" && typeof init !== "function") throw new TypeError("The provided value is not of type 'EventInit'.");
    return init;
  };
  const newState = (type, init, initialized) => ({
    type: String(type), bubbles: !!init.bubbles, cancelable: !!init.cancelable, composed: !!init.composed,
    target: null, currentTarget: null, eventPhase: NONE, stop: false, stopImmediate: false, canceled: false,
    initialized, dispatching: false, trusted: false, passive: false, timeStamp: native.now(),
  });
  const isTrusted = function () { return st(this).trusted; };
  class Event {
    constructor(type, init) {
      if (arguments.length === 0) throw new TypeError("Failed to construct 'Event': 1 argument required, but only 0 present.");
      evState.set(this, newState(type, dict(init), true));
      Object.defineProperty(this, "isTrusted", { get: isTrusted, enumerable: true, configurable: false });
    }
    get type() { return st(this).type; }
    get target() { return st(this).target; }
    get srcElement() { return st(this).target; }
    get currentTarget() { return st(this).currentTarget; }
    get eventPhase() { return st(this).eventPhase; }
    get bubbles() { return st(this).bubbles; }
    get cancelable() { return st(this).cancelable; }
    get composed() { return st(this).composed; }
    get defaultPrevented() { return st(this).canceled; }
    get returnValue() { return !st(this).canceled; }
    set returnValue(v) { const s = st(this); if (!v && s.cancelable && !s.passive) s.canceled = true; }
    get cancelBubble() { return st(this).stop; }
    set cancelBubble(v) { if (v) st(this).stop = true; }
    get timeStamp() { return st(this).timeStamp; }
    composedPath() { const s = st(this); return s.dispatching && s.path ? s.path.slice() : []; }
    stopPropagation() { st(this).stop = true; }
    stopImmediatePropagation() { const s = st(this); s.stop = s.stopImmediate = true; }
    preventDefault() { const s = st(this); if (s.cancelable && !s.passive) s.canceled = true; }
    initEvent(type, bubbles = false, cancelable = false) {
      if (arguments.length === 0) throw new TypeError("Failed to execute 'initEvent' on 'Event': 1 argument required, but only 0 present.");
      const s = st(this);
      if (s.dispatching) return;
      s.initialized = true;
      s.stop = s.stopImmediate = s.canceled = false;
      s.trusted = false;
      s.target = null;
      s.type = String(type);
      s.bubbles = !!bubbles;
      s.cancelable = !!cancelable;
    }
  }
  for (const [k, v] of [["NONE", NONE], ["CAPTURING_PHASE", CAPTURING], ["AT_TARGET", AT_TARGET], ["BUBBLING_PHASE", BUBBLING]]) {
    Object.defineProperty(Event, k, { value: v, enumerable: true });
    Object.defineProperty(Event.prototype, k, { value: v, enumerable: true });
  }
  hidden(global, "Event", Event);

  // Subclasses add their init dictionary's members as read-only
  // attributes.
  const subclass = (name, parent, members) => {
    const C = class extends parent {
      constructor(type, init) {
        if (arguments.length === 0) throw new TypeError("Failed to construct '" + name + "': 1 argument required, but only 0 present.");
        super(type, init);
        const d = dict(init);
        const s = st(this);
        for (const k of Object.keys(members)) s[k] = d[k] === undefined ? members[k] : d[k];
      }
    };
    Object.defineProperty(C, "name", { value: name });
    for (const k of Object.keys(members)) {
      Object.defineProperty(C.prototype, k, { get() { return st(this)[k]; }, enumerable: true, configurable: true });
    }
    hidden(global, name, C);
    return C;
  };
  const CustomEvent = subclass("CustomEvent", Event, { detail: null });
  CustomEvent.prototype.initCustomEvent = function (type, bubbles = false, cancelable = false, detail = null) {
    const s = st(this);
    if (s.dispatching) return;
    this.initEvent(type, bubbles, cancelable);
    s.detail = detail;
  };
  const UIEvent = subclass("UIEvent", Event, { view: null, detail: 0 });
  const mouse = { screenX: 0, screenY: 0, clientX: 0, clientY: 0, ctrlKey: false, shiftKey: false, altKey: false, metaKey: false, button: 0, buttons: 0, relatedTarget: null };
  const MouseEvent = subclass("MouseEvent", UIEvent, mouse);
  MouseEvent.prototype.initMouseEvent = function (type, bubbles, cancelable) { this.initEvent(type, bubbles, cancelable); };
  subclass("PointerEvent", MouseEvent, { pointerId: 0, pointerType: "" });
  subclass("WheelEvent", MouseEvent, { deltaX: 0, deltaY: 0, deltaZ: 0, deltaMode: 0 });
  subclass("KeyboardEvent", UIEvent, { key: "", code: "", location: 0, ctrlKey: false, shiftKey: false, altKey: false, metaKey: false, repeat: false });
  subclass("FocusEvent", UIEvent, { relatedTarget: null });
  subclass("TouchEvent", UIEvent, { touches: [], targetTouches: [], changedTouches: [], ctrlKey: false, shiftKey: false, altKey: false, metaKey: false });
  subclass("CompositionEvent", UIEvent, { data: "" });
  subclass("InputEvent", UIEvent, { data: null, inputType: "" });
  const ErrorEvent = subclass("ErrorEvent", Event, { message: "", filename: "", lineno: 0, colno: 0, error: undefined });
  const PromiseRejectionEvent = subclass("PromiseRejectionEvent", Event, { promise: undefined, reason: undefined });
  subclass("HashChangeEvent", Event, { oldURL: "", newURL: "" });
  subclass("PageTransitionEvent", Event, { persisted: false });
  subclass("MessageEvent", Event, { data: null, origin: "", lastEventId: "", source: null, ports: [] });
  subclass("ProgressEvent", Event, { lengthComputable: false, loaded: 0, total: 0 });
  subclass("AnimationEvent", Event, { animationName: "", elapsedTime: 0, pseudoElement: "" });
  subclass("TransitionEvent", Event, { propertyName: "", elapsedTime: 0, pseudoElement: "" });

  const interfaces = {
    event: Event, events: Event, htmlevents: Event, svgevents: Event, customevent: CustomEvent,
    uievent: UIEvent, uievents: UIEvent, mouseevent: MouseEvent, mouseevents: MouseEvent,
    keyboardevent: global.KeyboardEvent, focusevent: global.FocusEvent, errorevent: ErrorEvent,
    messageevent: global.MessageEvent, hashchangeevent: global.HashChangeEvent,
  };
  Document.prototype.createEvent = function createEvent(name) {
    if (arguments.length === 0) throw new TypeError("Failed to execute 'createEvent' on 'Document': 1 argument required, but only 0 present.");
    const C = interfaces[String(name).toLowerCase()];
    if (!C) throw new DOMException("The provided event type ('" + name + "') is invalid.", "NotSupportedError");
    const e = new C("");
    const s = st(e);
    s.initialized = false;
    s.timeStamp = native.now();
    return e;
  };

  // EventTarget.
  const listeners = new WeakMap();
  const listOf = (t) => {
    let l = listeners.get(t);
    if (!l) listeners.set(t, (l = []));
    return l;
  };
  const flatten = (options) => (options !== null && (typeof options === "object" || typeof options === "function") ? !!options.capture : !!options);
  const target = (t) => (t === undefined || t === null ? global : Object(t));
  define(EventTarget.prototype, {
    addEventListener(type, callback, options) {
      if (arguments.length < 2) throw new TypeError("Failed to execute 'addEventListener' on 'EventTarget': 2 arguments required.");
      const t = target(this);
      if (callback !== null && callback !== undefined && typeof callback !== "function" && typeof callback !== "object") throw new TypeError("The callback provided as parameter 2 is not an object.");
      let capture = false, once = false, passive = undefined, signal = undefined;
      if (options !== null && (typeof options === "object" || typeof options === "function")) {
        capture = !!options.capture;
        once = !!options.once;
        const p = options.passive;
        if (p !== undefined) passive = !!p;
        signal = options.signal;
      } else capture = !!options;
      if (callback === null || callback === undefined) return;
      if (signal && signal.aborted) return;
      type = String(type);
      if (passive === undefined) passive = false;
      const l = listOf(t);
      for (const x of l) if (x.type === type && x.callback === callback && x.capture === capture) return;
      const entry = { type, callback, capture, once, passive, removed: false };
      l.push(entry);
      if (signal && typeof signal.addEventListener === "function") {
        signal.addEventListener("abort", () => removeEntry(t, entry));
      }
    },
    removeEventListener(type, callback, options) {
      if (arguments.length < 2) throw new TypeError("Failed to execute 'removeEventListener' on 'EventTarget': 2 arguments required.");
      const t = target(this);
      const capture = flatten(options);
      type = String(type);
      const l = listeners.get(t);
      if (!l) return;
      for (const x of l) if (x.type === type && x.callback === callback && x.capture === capture) { removeEntry(t, x); return; }
    },
    dispatchEvent(event) {
      const s = evState.get(event);
      if (!s) throw new TypeError("Failed to execute 'dispatchEvent' on 'EventTarget': parameter 1 is not of type 'Event'.");
      if (s.dispatching || !s.initialized) throw new DOMException("The event is already being dispatched or is not initialized.", "InvalidStateError");
      s.trusted = false;
      return dispatch(target(this), event);
    },
  });
  const removeEntry = (t, entry) => {
    entry.removed = true;
    const l = listeners.get(t);
    const i = l ? l.indexOf(entry) : -1;
    if (i >= 0) l.splice(i, 1);
  };

  // dispatch is the DOM standard's dispatch algorithm, without shadow
  // trees: the path is the target and its ancestors, then the document
  // and window.
  function dispatch(t, event) {
    const s = st(event);
    s.dispatching = true;
    s.target = t;
    const path = [];
    for (let x = t; x !== null && x !== undefined; x = native.parent(x, s.type)) path.push(x);
    s.path = path;
    // Activation behaviour (DOM 2.9 steps 5 and 11): a MouseEvent click
    // finds the target, or for a bubbling event the nearest ancestor,
    // that has activation behaviour; a checkbox toggles before the
    // listeners run and fires input and change after the dispatch.
    let activation = null;
    if (s.type === "click" && event instanceof MouseEvent) {
      for (let i = 0; i < path.length && (i === 0 || s.bubbles); i++) {
        const x = path[i];
        if (!native.isElement(x)) continue;
        if (x.localName === "input" && native.attribute(x, "type") !== null && native.attribute(x, "type").toLowerCase() === "checkbox") { activation = x; break; }
        if ((x.localName === "a" || x.localName === "area") && native.attribute(x, "href") !== null) { activation = x; break; }
      }
    }
    const isCheckbox = activation !== null && activation.localName === "input";
    let checkedBefore;
    if (isCheckbox) { checkedBefore = activation.checked; activation.checked = !checkedBefore; }
    for (let i = path.length - 1; i >= 0 && !s.stop; i--) {
      s.eventPhase = i === 0 ? AT_TARGET : CAPTURING;
      invoke(path[i], event, s, "capture");
    }
    for (let i = 0; i < path.length && !s.stop; i++) {
      if (i > 0 && !s.bubbles) break;
      s.eventPhase = i === 0 ? AT_TARGET : BUBBLING;
      invoke(path[i], event, s, "bubble");
    }
    s.eventPhase = NONE;
    s.currentTarget = null;
    s.path = null;
    s.dispatching = false;
    s.stop = s.stopImmediate = false;
    if (isCheckbox) {
      if (s.canceled) activation.checked = checkedBefore;
      else if (activation.isConnected) {
        fire(activation, "input", true, false);
        fire(activation, "change", true, false);
      }
    }
    return !s.canceled;
  }
  function fire(t, type, bubbles, cancelable) {
    const e = new Event(type, { bubbles, cancelable });
    st(e).trusted = true;
    return dispatch(t, e);
  }
  function invoke(t, event, s, phase) {
    const l = listeners.get(t);
    if (!l || l.length === 0) return;
    s.currentTarget = t;
    for (const x of l.slice()) {
      if (x.removed || x.type !== s.type) continue;
      if (phase === "capture" && !x.capture) continue;
      if (phase === "bubble" && x.capture) continue;
      if (x.once) removeEntry(t, x);
      s.passive = x.passive;
      const prevEvent = global.event;
      global.event = event;
      try {
        const cb = x.callback;
        if (typeof cb === "function") cb.call(t, event);
        else {
          const h = cb.handleEvent;
          if (typeof h !== "function") throw new TypeError("handleEvent is not a function");
          h.call(cb, event);
        }
      } catch (err) {
        report(err);
      }
      global.event = prevEvent;
      s.passive = false;
      if (s.stopImmediate) break;
    }
  }

  // Event handler IDL attributes (onclick, onload, ...): each target keeps
  // its handlers; the first one set adds a listener that calls the
  // current handler.
  const handlers = new WeakMap();
  const handlerNames = ["abort", "blur", "change", "click", "contextmenu", "dblclick", "error", "focus", "input",
    "keydown", "keypress", "keyup", "load", "mousedown", "mouseenter", "mouseleave", "mousemove", "mouseout",
    "mouseover", "mouseup", "resize", "scroll", "submit", "wheel", "pointerdown", "pointerup", "pointermove",
    "animationend", "transitionend", "select", "toggle", "invalid", "reset", "beforeinput"];
  const windowOnly = ["DOMContentLoaded", "unhandledrejection", "rejectionhandled", "message", "hashchange",
    "popstate", "pageshow", "pagehide", "beforeunload", "unload", "storage", "online", "offline"];
  function handlerAttr(proto, name, isWindow) {
    Object.defineProperty(proto, "on" + name.toLowerCase(), {
      get() {
        const t = target(this);
        const h = handlers.get(t);
        if (h && h.has(name)) return h.get(name).fn;
        const src = native.attribute(t, "on" + name.toLowerCase());
        return src === null ? null : compileHandler(t, name, src);
      },
      set(fn) {
        const t = target(this);
        let h = handlers.get(t);
        if (!h) handlers.set(t, (h = new Map()));
        fn = typeof fn === "function" || (typeof fn === "object" && fn !== null) ? fn : null;
        let e = h.get(name);
        if (!e) {
          e = { fn: null };
          h.set(name, e);
          const special = isWindow && name === "error";
          t.addEventListener(name, function (event) {
            const f = e.fn;
            if (typeof f !== "function") return;
            let ret;
            if (special && event instanceof ErrorEvent) {
              ret = f.call(t, event.message, event.filename, event.lineno, event.colno, event.error);
              if (ret === true) event.preventDefault();
              return;
            }
            ret = f.call(t, event);
            if (ret === false) event.preventDefault();
          });
        }
        e.fn = fn;
      },
      enumerable: true,
      configurable: true,
    });
  }
  // compileHandler turns an onclick="..." content attribute into the
  // handler, once, when it is first needed.
  function compileHandler(t, name, src) {
    let fn;
    try {
      fn = new Function("event", src);
    } catch (err) {
      report(err);
      fn = null;
    }
    t["on" + name.toLowerCase()] = fn;
    return fn;
  }
  for (const name of handlerNames) {
    handlerAttr(HTMLElement.prototype, name, false);
    handlerAttr(Document.prototype, name, false);
    handlerAttr(global, name, true);
  }
  for (const name of windowOnly) handlerAttr(global, name, true);
  handlerAttr(Document.prototype, "readystatechange", false);
  handlerAttr(Document.prototype, "DOMContentLoaded", false);

  // Content attributes such as <button onclick="..."> take effect without
  // a script reading the property: the listener list gets them when an
  // event of that type is dispatched to an element that has one.
  const origDispatch = dispatch;
  dispatch = function (t, event) {
    const s = st(event);
    const attr = "on" + s.type.toLowerCase();
    for (let x = t; x !== null && x !== undefined; x = native.parent(x, s.type)) {
      const el = x === global ? document.body : x;
      if (el === null || (x !== global && !native.isElement(x))) continue;
      const h = handlers.get(x);
      if (h && h.has(s.type)) continue;
      const src = native.attribute(el, attr);
      if (src !== null) compileHandler(x, s.type, src);
    }
    return origDispatch(t, event);
  };

  HTMLElement.prototype.click = function click() {
    // A disabled form control ignores click().
    if (["input", "button", "select", "textarea"].includes(this.localName) && native.attribute(this, "disabled") !== null) return;
    const e = new MouseEvent("click", { bubbles: true, cancelable: true, composed: true, view: global });
    st(e).trusted = false;
    dispatch(this, e);
  };

  hidden(global, "event", undefined);

  // AbortController and AbortSignal (DOM 3.1).
  const abortState = new WeakMap();
  class AbortSignal extends EventTarget {
    constructor() { throw new TypeError("Illegal constructor"); }
    get aborted() { return abortState.get(this).aborted; }
    get reason() { return abortState.get(this).reason; }
    throwIfAborted() { const s = abortState.get(this); if (s.aborted) throw s.reason; }
    static abort(reason) { const s = newSignal(); signalAbort(s, reason); return s; }
    static timeout(ms) { const s = newSignal(); setTimeout(() => signalAbort(s, new DOMException("The operation timed out.", "TimeoutError")), ms); return s; }
  }
  handlerAttr(AbortSignal.prototype, "abort", false);
  const newSignal = () => {
    const s = Object.create(AbortSignal.prototype);
    abortState.set(s, { aborted: false, reason: undefined });
    return s;
  };
  const signalAbort = (signal, reason) => {
    const s = abortState.get(signal);
    if (s.aborted) return;
    s.aborted = true;
    s.reason = reason === undefined ? new DOMException("signal is aborted without reason", "AbortError") : reason;
    fire(signal, "abort", false, false);
  };
  class AbortController {
    constructor() { hidden(this, "_signal", newSignal()); }
    get signal() { return this._signal; }
    abort(reason) { signalAbort(this._signal, reason); }
  }
  hidden(global, "AbortSignal", AbortSignal);
  hidden(global, "AbortController", AbortController);

  // MutationObserver (DOM 4.3): the Go side reports each change through
  // the mutation hook below once native.observing() was called.
  const moState = new WeakMap();
  const registry = new WeakMap(); // node -> [{observer, options}]
  const allObservers = [];
  let moQueued = false;
  const mst = (o) => {
    const s = moState.get(o);
    if (!s) throw new TypeError("Illegal invocation");
    return s;
  };
  class MutationObserver {
    constructor(callback) {
      if (typeof callback !== "function") throw new TypeError("Failed to construct 'MutationObserver': The callback provided as parameter 1 is not a function.");
      moState.set(this, { callback, records: [], nodes: [] });
    }
    observe(target, options = {}) {
      const s = mst(this);
      if (!native.isNode(target)) throw new TypeError("Failed to execute 'observe' on 'MutationObserver': parameter 1 is not of type 'Node'.");
      const o = {
        childList: !!options.childList, subtree: !!options.subtree,
        attributes: options.attributes, characterData: options.characterData,
        attributeOldValue: options.attributeOldValue, characterDataOldValue: options.characterDataOldValue,
        attributeFilter: options.attributeFilter,
      };
      if ((o.attributeOldValue !== undefined || o.attributeFilter !== undefined) && o.attributes === undefined) o.attributes = true;
      if (o.characterDataOldValue !== undefined && o.characterData === undefined) o.characterData = true;
      o.attributes = !!o.attributes;
      o.characterData = !!o.characterData;
      if (!o.childList && !o.attributes && !o.characterData) throw new TypeError("The options object must set at least one of 'attributes', 'characterData', or 'childList' to true.");
      if (o.attributeOldValue && !o.attributes) throw new TypeError("The options object may only set 'attributeOldValue' to true when 'attributes' is true or not present.");
      if (o.attributeFilter !== undefined && !o.attributes) throw new TypeError("The options object may only set 'attributeFilter' when 'attributes' is true or not present.");
      if (o.characterDataOldValue && !o.characterData) throw new TypeError("The options object may only set 'characterDataOldValue' to true when 'characterData' is true or not present.");
      o.attributeOldValue = !!o.attributeOldValue;
      o.characterDataOldValue = !!o.characterDataOldValue;
      if (o.attributeFilter !== undefined) o.attributeFilter = Array.from(o.attributeFilter, String);
      let regs = registry.get(target);
      if (!regs) registry.set(target, (regs = []));
      const existing = regs.find((r) => r.observer === this);
      if (existing) existing.options = o;
      else {
        regs.push({ observer: this, options: o });
        s.nodes.push(target);
      }
      if (!allObservers.includes(this)) allObservers.push(this);
      native.observing();
    }
    disconnect() {
      const s = mst(this);
      for (const n of s.nodes) {
        const regs = registry.get(n);
        if (regs) registry.set(n, regs.filter((r) => r.observer !== this));
      }
      s.nodes = [];
      s.records = [];
    }
    takeRecords() {
      const s = mst(this);
      const r = s.records;
      s.records = [];
      return r;
    }
  }
  hidden(global, "MutationObserver", MutationObserver);
  hidden(global, "WebKitMutationObserver", MutationObserver);
  const recState = new WeakMap();
  class MutationRecord {
    constructor() { throw new TypeError("Illegal constructor"); }
  }
  for (const k of ["type", "target", "addedNodes", "removedNodes", "previousSibling", "nextSibling", "attributeName", "attributeNamespace", "oldValue"]) {
    Object.defineProperty(MutationRecord.prototype, k, {
      get() { const r = recState.get(this); if (!r) throw new TypeError("Illegal invocation"); return r[k]; },
      enumerable: true, configurable: true,
    });
  }
  hidden(global, "MutationRecord", MutationRecord);
  function notifyObservers() {
    moQueued = false;
    for (const mo of allObservers.slice()) {
      const s = moState.get(mo);
      const records = s.records;
      s.records = [];
      if (records.length === 0) continue;
      try {
        s.callback.call(mo, records, mo);
      } catch (err) {
        report(err);
      }
    }
  }
  function queueMutation(type, target, name, ns, oldValue, added, removed, prev, next) {
    const interested = new Map();
    for (let node = target; node !== null; node = native.parentNode(node)) {
      const regs = registry.get(node);
      if (!regs) continue;
      for (const r of regs) {
        const o = r.options;
        if (node !== target && !o.subtree) continue;
        if (type === "attributes" && (!o.attributes || (o.attributeFilter && (ns !== null || !o.attributeFilter.includes(name))))) continue;
        if (type === "characterData" && !o.characterData) continue;
        if (type === "childList" && !o.childList) continue;
        if (!interested.has(r.observer)) interested.set(r.observer, null);
        if ((type === "attributes" && o.attributeOldValue) || (type === "characterData" && o.characterDataOldValue)) interested.set(r.observer, oldValue);
      }
    }
    for (const [mo, old] of interested) {
      const rec = Object.create(MutationRecord.prototype);
      recState.set(rec, {
        type, target, attributeName: name, attributeNamespace: ns, oldValue: old,
        addedNodes: added || native.staticList([]), removedNodes: removed || native.staticList([]),
        previousSibling: prev, nextSibling: next,
      });
      moState.get(mo).records.push(rec);
    }
    if (interested.size > 0 && !moQueued) {
      moQueued = true;
      queueMicrotask(notifyObservers);
    }
  }

  // Iterable interfaces: indexed lists iterate like arrays.
  for (const C of [NodeList, HTMLCollection, DOMTokenList, NamedNodeMap]) {
    hidden(C.prototype, Symbol.iterator, Array.prototype.values);
  }
  for (const C of [NodeList, DOMTokenList]) {
    for (const k of ["forEach", "keys", "values", "entries"]) define(C.prototype, { [k]: Array.prototype[k] });
  }

  // Reporting errors (HTML "report an exception").
  function describe(err) {
    if (err instanceof Error || err instanceof DOMException) {
      try { return err.name + (err.message ? ": " + err.message : ""); } catch (e) { /* fall through */ }
    }
    return format(err, 1);
  }
  function report(err, message, file, line, col) {
    if (message === undefined) message = "Uncaught " + describe(err);
    const e = new ErrorEvent("error", { cancelable: true, message, filename: file || "", lineno: line || 0, colno: col || 0, error: err });
    st(e).trusted = true;
    let notCanceled = true;
    try {
      notCanceled = dispatch(global, e);
    } catch (e2) { /* an error while reporting goes only to the console */ }
    if (notCanceled) native.console("error", message);
  }
  hidden(global, "reportError", function reportError(e) { report(e); });
  hidden(global, "__glassboxUnhandledRejection", function (reason) {
    const e = new PromiseRejectionEvent("unhandledrejection", { cancelable: true, reason });
    st(e).trusted = true;
    return dispatch(global, e);
  });

  // console.
  function format(v, depth) {
    switch (typeof v) {
      case "string": return depth > 0 ? JSON.stringify(v) : v;
      case "function": return "[Function: " + (v.name || "(anonymous)") + "]";
      case "symbol": case "bigint": return String(v) + (typeof v === "bigint" ? "n" : "");
      case "undefined": return "undefined";
      case "object": break;
      default: return String(v);
    }
    if (v === null) return "null";
    if (native.isNode(v)) return native.describeNode(v);
    if (v instanceof Error || v instanceof DOMException) {
      try { return v.name + (v.message ? ": " + v.message : ""); } catch (e) { return "Error"; }
    }
    if (depth > 2) return Array.isArray(v) ? "[Array]" : "[Object]";
    try {
      if (Array.isArray(v)) return "[" + v.map((x) => format(x, depth + 1)).join(", ") + "]";
      const keys = Object.keys(v);
      if (keys.length === 0) return "{}";
      return "{" + keys.map((k) => k + ": " + format(v[k], depth + 1)).join(", ") + "}";
    } catch (e) {
      return "[object]";
    }
  }
  function formatArgs(args) {
    let out = "";
    let i = 0;
    if (typeof args[0] === "string" && args[0].includes("%")) {
      const f = args[0];
      i = 1;
      for (let j = 0; j < f.length; j++) {
        const c = f[j];
        if (c !== "%" || j + 1 === f.length) { out += c; continue; }
        const d = f[++j];
        if (d === "%") { out += "%"; continue; }
        if (!"sdifoOc".includes(d)) { out += "%" + d; continue; }
        if (i >= args.length) { out += "%" + d; continue; }
        const a = args[i++];
        if (d === "s") out += typeof a === "string" ? a : format(a, 1);
        else if (d === "d" || d === "i") out += typeof a === "symbol" ? "NaN" : String(parseInt(Number(a), 10));
        else if (d === "f") out += typeof a === "symbol" ? "NaN" : String(Number(a));
        else if (d === "c") { /* styles do not apply to text output */ }
        else out += format(a, 1);
      }
    }
    for (; i < args.length; i++) out += (out === "" && i === 0 ? "" : " ") + format(args[i], 0);
    return out;
  }
  let indent = "";
  const counts = new Map(), timers = new Map();
  const log = (level) => function (...args) { native.console(level, indent + formatArgs(args)); };
  const console = {
    log: log("log"), info: log("info"), warn: log("warn"), error: log("error"), debug: log("debug"), trace: log("log"),
    dir: log("log"), dirxml: log("log"),
    assert(cond, ...args) { if (!cond) native.console("error", indent + "Assertion failed" + (args.length ? ": " + formatArgs(args) : "")); },
    group(...args) { if (args.length) native.console("log", indent + formatArgs(args)); indent += "  "; },
    groupCollapsed(...args) { console.group(...args); },
    groupEnd() { indent = indent.slice(2); },
    count(label = "default") { const n = (counts.get(label) || 0) + 1; counts.set(label, n); native.console("log", indent + label + ": " + n); },
    countReset(label = "default") { counts.delete(label); },
    time(label = "default") { timers.set(String(label), native.now()); },
    timeLog(label = "default", ...args) {
      const t = timers.get(String(label));
      if (t === undefined) { native.console("warn", indent + "Timer '" + label + "' does not exist"); return; }
      native.console("log", indent + label + ": " + (native.now() - t) + " ms" + (args.length ? " " + formatArgs(args) : ""));
    },
    timeEnd(label = "default") { console.timeLog(label); timers.delete(String(label)); },
    table(data) {
      if (data === null || typeof data !== "object") { native.console("log", indent + format(data, 0)); return; }
      const rows = Object.keys(data);
      const cols = [];
      for (const r of rows) {
        const v = data[r];
        if (v !== null && typeof v === "object") for (const k of Object.keys(v)) if (!cols.includes(k)) cols.push(k);
      }
      const hasValues = rows.some((r) => data[r] === null || typeof data[r] !== "object");
      const header = ["(index)", ...cols, ...(hasValues ? ["Value"] : [])];
      const lines = rows.map((r) => {
        const v = data[r];
        const cells = cols.map((k) => (v !== null && typeof v === "object" && k in v ? format(v[k], 1) : ""));
        if (hasValues) cells.push(v !== null && typeof v === "object" ? "" : format(v, 1));
        return [r, ...cells];
      });
      const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
      const row = (cells) => "| " + cells.map((c, i) => c.padEnd(widths[i])).join(" | ") + " |";
      native.console("log", indent + [row(header), ...lines.map(row)].join("\n" + indent));
    },
    clear() {},
  };
  hidden(global, "console", console);

  return {
    dispatch: (t, e) => dispatch(t, e),
    report,
    exception: (message, name) => new DOMException(message, name),
    mutation: queueMutation,
    mouseEvent: (type, x, y) => {
      const e = new MouseEvent(type, { bubbles: true, cancelable: true, composed: true, view: global, clientX: x, clientY: y, screenX: x, screenY: y, detail: 1 });
      st(e).trusted = true;
      return e;
    },
    newEvent: (type, bubbles, cancelable, trusted) => {
      const e = new Event(type, { bubbles, cancelable });
      st(e).trusted = trusted;
      return e;
    },
  };
});
