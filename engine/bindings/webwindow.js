// history (session history of one document: pushState entries and
// their traversal), PopStateEvent, HashChangeEvent, location.hash's
// setter, and matchMedia with MediaQueryList, over the Go side's native
// object: href(), resolve(url) -> href in the document's origin or
// throws, withHash(fragment), setURL(href), clone(value),
// mediaMatches(query).
(function (native) {
  "use strict";
  const global = globalThis;
  const hidden = (o, k, v) => Object.defineProperty(o, k, { value: v, writable: true, enumerable: false, configurable: true });
  const tag = (C, name) => Object.defineProperty(C.prototype, Symbol.toStringTag, { value: name, configurable: true });
  const setTimeout = global.setTimeout; // the page may replace the global
  const dispatch = Function.prototype.call.bind(EventTarget.prototype.dispatchEvent);

  const popState = new WeakMap();
  class PopStateEvent extends Event {
    constructor(type, init = {}) {
      super(type, init);
      popState.set(this, init && "state" in init ? init.state : null);
    }
    get state() { return popState.get(this); }
  }
  tag(PopStateEvent, "PopStateEvent");
  hidden(global, "PopStateEvent", PopStateEvent);
  const hashState = new WeakMap();
  class HashChangeEvent extends Event {
    constructor(type, init = {}) {
      super(type, init);
      hashState.set(this, { oldURL: String((init && init.oldURL) || ""), newURL: String((init && init.newURL) || "") });
    }
    get oldURL() { return hashState.get(this).oldURL; }
    get newURL() { return hashState.get(this).newURL; }
  }
  tag(HashChangeEvent, "HashChangeEvent");
  hidden(global, "HashChangeEvent", HashChangeEvent);

  // The entries of this document's session history.
  const entries = [{ url: native.href(), state: null }];
  let index = 0;
  const token = {};
  const noFragment = (u) => u.replace(/#.*$/, "");
  class History {
    constructor(t) { if (t !== token) throw new TypeError("Illegal constructor"); }
    get length() { return entries.length; }
    get state() { return entries[index].state; }
    get scrollRestoration() { return "auto"; }
    set scrollRestoration(v) {}
    pushState(data, unused, url) { replaceOrPush(data, url, true, "pushState"); }
    replaceState(data, unused, url) { replaceOrPush(data, url, false, "replaceState"); }
    back() { this.go(-1); }
    forward() { this.go(1); }
    go(delta = 0) {
      delta = Math.trunc(Number(delta)) || 0;
      if (delta === 0) return; // a reload, which a page cannot do here
      setTimeout(() => {
        const target = index + delta;
        if (target < 0 || target >= entries.length) return;
        const oldURL = entries[index].url;
        index = target;
        const e = entries[index];
        native.setURL(e.url);
        dispatch(global, new PopStateEvent("popstate", { state: e.state }));
        if (oldURL !== e.url && noFragment(oldURL) === noFragment(e.url)) {
          dispatch(global, new HashChangeEvent("hashchange", { oldURL, newURL: e.url }));
        }
      }, 0);
    }
  }
  // The shared body of pushState and replaceState.
  const replaceOrPush = (data, url, push, name) => {
    const state = native.clone(data);
    let href = entries[index].url;
    if (url !== undefined && url !== null) href = native.resolve(String(url), name);
    if (push) {
      entries.splice(index + 1);
      entries.push({ url: href, state });
      index++;
    } else {
      entries[index] = { url: href, state };
    }
    native.setURL(href);
  };
  tag(History, "History");
  hidden(global, "History", History);
  const history = new History(token);
  Object.defineProperty(global, "history", { get: () => history, configurable: true, enumerable: true });

  // location.hash's setter: a fragment navigation, a new history entry
  // and a hashchange task. (Other navigations by script are not done.)
  const hashGet = Object.getOwnPropertyDescriptor(Location.prototype, "hash").get;
  Object.defineProperty(Location.prototype, "hash", {
    get: hashGet,
    set(v) {
      const oldURL = entries[index].url;
      const newURL = native.withHash(String(v));
      if (newURL === null || newURL === oldURL) return;
      entries.splice(index + 1);
      entries.push({ url: newURL, state: null });
      index++;
      native.setURL(newURL);
      setTimeout(() => dispatch(global, new HashChangeEvent("hashchange", { oldURL, newURL })), 0);
    },
    enumerable: true,
    configurable: true,
  });

  // matchMedia. Lists with listeners are watched: each rendering
  // opportunity re-evaluates them and fires change where the answer moved.
  const mqlState = new WeakMap();
  const watched = new Set();
  const ms = (m) => {
    const s = mqlState.get(m);
    if (!s) throw new TypeError("Illegal invocation");
    return s;
  };
  class MediaQueryList extends EventTarget {
    constructor(t, media) {
      if (t !== token) throw new TypeError("Illegal constructor");
      super();
      mqlState.set(this, { media, last: native.mediaMatches(media), onchange: null });
    }
    get media() { return ms(this).media; }
    get matches() { return native.mediaMatches(ms(this).media); }
    get onchange() { return ms(this).onchange; }
    set onchange(f) {
      const s = ms(this);
      if (s.onchange) this.removeEventListener("change", s.onchange);
      s.onchange = typeof f === "function" ? f : null;
      if (s.onchange) this.addEventListener("change", s.onchange);
    }
    addEventListener(type, listener, options) {
      if (String(type) === "change") {
        const s = ms(this);
        s.last = native.mediaMatches(s.media);
        watched.add(this);
      }
      return super.addEventListener(type, listener, options);
    }
    addListener(listener) { if (listener) this.addEventListener("change", listener); }
    removeListener(listener) { if (listener) this.removeEventListener("change", listener); }
  }
  tag(MediaQueryList, "MediaQueryList");
  hidden(global, "MediaQueryList", MediaQueryList);
  const mqlEvent = new WeakMap();
  class MediaQueryListEvent extends Event {
    constructor(type, init = {}) {
      super(type, init);
      mqlEvent.set(this, { media: String((init && init.media) || ""), matches: !!(init && init.matches) });
    }
    get media() { return mqlEvent.get(this).media; }
    get matches() { return mqlEvent.get(this).matches; }
  }
  tag(MediaQueryListEvent, "MediaQueryListEvent");
  hidden(global, "MediaQueryListEvent", MediaQueryListEvent);
  hidden(global, "matchMedia", function matchMedia(query) {
    if (arguments.length === 0) throw new TypeError("Failed to execute 'matchMedia' on 'Window': 1 argument required, but only 0 present.");
    return new MediaQueryList(token, String(query).trim());
  });

  return {
    mediaChanges() {
      for (const m of watched) {
        const s = mqlState.get(m);
        const now = native.mediaMatches(s.media);
        if (now !== s.last) {
          s.last = now;
          dispatch(m, new MediaQueryListEvent("change", { media: s.media, matches: now }));
        }
      }
    },
  };
});
