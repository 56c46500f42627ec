// URL and URLSearchParams (WHATWG URL §6), over the Go side's parser:
// native.parse(input, base) returns the href or throws, native.get(href,
// name) and native.set(href, name, value) read and run the attributes,
// native.formParse and native.formSerialize do application/x-www-form-urlencoded.
(function (native) {
  "use strict";
  const global = globalThis;
  const hidden = (o, k, v) => Object.defineProperty(o, k, { value: v, writable: true, enumerable: false, configurable: true });
  const tag = (C, name) => Object.defineProperty(C.prototype, Symbol.toStringTag, { value: name, configurable: true });

  const urlState = new WeakMap();
  const us = (u) => {
    const s = urlState.get(u);
    if (!s) throw new TypeError("Illegal invocation");
    return s;
  };
  const paramsState = new WeakMap();
  const ps = (p) => {
    const s = paramsState.get(p);
    if (!s) throw new TypeError("Illegal invocation");
    return s;
  };

  class URL {
    constructor(url, base) {
      if (arguments.length === 0) throw new TypeError("Failed to construct 'URL': 1 argument required, but only 0 present.");
      const href = native.parse(String(url), base === undefined ? undefined : String(base));
      urlState.set(this, { href, params: null });
    }
    static canParse(url, base) {
      try { native.parse(String(url), base === undefined ? undefined : String(base)); return true; } catch { return false; }
    }
    static parse(url, base) {
      try { return new URL(url, base); } catch { return null; }
    }
    get searchParams() {
      const s = us(this);
      if (!s.params) {
        s.params = new URLSearchParams(native.get(s.href, "search"));
        ps(s.params).url = this;
      }
      return s.params;
    }
    toString() { return us(this).href; }
    toJSON() { return us(this).href; }
  }
  for (const name of ["href", "origin", "protocol", "username", "password", "host", "hostname", "port", "pathname", "search", "hash"]) {
    const get = function () { return name === "href" ? us(this).href : native.get(us(this).href, name); };
    let set;
    if (name !== "origin") {
      set = function (v) {
        const s = us(this);
        s.href = native.set(s.href, name, String(v));
        if (s.params && (name === "href" || name === "search")) ps(s.params).list = native.formParse(native.get(s.href, "search").slice(1));
      };
    }
    Object.defineProperty(URL.prototype, name, { get, set, enumerable: true, configurable: true });
  }
  tag(URL, "URL");
  hidden(global, "URL", URL);
  hidden(global, "webkitURL", URL);

  // update writes the list back into the URL it belongs to.
  const update = (s) => {
    if (!s.url) return;
    const u = us(s.url);
    u.href = native.set(u.href, "search", native.formSerialize(s.list));
  };
  class URLSearchParams {
    constructor(init = "") {
      const s = { list: [], url: null };
      paramsState.set(this, s);
      if (init !== null && (typeof init === "object" || typeof init === "function")) {
        if (typeof init[Symbol.iterator] === "function") {
          for (const pair of init) {
            const p = [...pair];
            if (p.length !== 2) throw new TypeError("Failed to construct 'URLSearchParams': Sequence initializer must only contain pair elements");
            s.list.push([String(p[0]), String(p[1])]);
          }
        } else {
          for (const k of Reflect.ownKeys(init)) {
            const d = Reflect.getOwnPropertyDescriptor(init, k);
            if (d && d.enumerable && typeof k === "string") s.list.push([k, String(init[k])]);
          }
        }
      } else {
        let q = String(init);
        if (q.startsWith("?")) q = q.slice(1);
        s.list = native.formParse(q);
      }
    }
    get size() { return ps(this).list.length; }
    append(name, value) { const s = ps(this); s.list.push([String(name), String(value)]); update(s); }
    delete(name, value) {
      const s = ps(this);
      name = String(name);
      const v = value === undefined ? undefined : String(value);
      s.list = s.list.filter(([k, x]) => !(k === name && (v === undefined || x === v)));
      update(s);
    }
    get(name) {
      name = String(name);
      const e = ps(this).list.find(([k]) => k === name);
      return e ? e[1] : null;
    }
    getAll(name) { name = String(name); return ps(this).list.filter(([k]) => k === name).map(([, v]) => v); }
    has(name, value) {
      name = String(name);
      const v = value === undefined ? undefined : String(value);
      return ps(this).list.some(([k, x]) => k === name && (v === undefined || x === v));
    }
    set(name, value) {
      const s = ps(this);
      name = String(name); value = String(value);
      const i = s.list.findIndex(([k]) => k === name);
      if (i < 0) s.list.push([name, value]);
      else {
        s.list[i][1] = value;
        s.list = s.list.filter(([k], j) => j <= i || k !== name);
      }
      update(s);
    }
    sort() {
      // Stable, by the names' UTF-16 code units, as < on strings compares.
      const s = ps(this);
      s.list.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      update(s);
    }
    forEach(callback, thisArg) {
      if (typeof callback !== "function") throw new TypeError("Failed to execute 'forEach' on 'URLSearchParams': The callback provided as parameter 1 is not a function.");
      const s = ps(this);
      for (let i = 0; i < s.list.length; i++) callback.call(thisArg, s.list[i][1], s.list[i][0], this);
    }
    *entries() { const s = ps(this); for (let i = 0; i < s.list.length; i++) yield [s.list[i][0], s.list[i][1]]; }
    *keys() { const s = ps(this); for (let i = 0; i < s.list.length; i++) yield s.list[i][0]; }
    *values() { const s = ps(this); for (let i = 0; i < s.list.length; i++) yield s.list[i][1]; }
    toString() { return native.formSerialize(ps(this).list); }
  }
  Object.defineProperty(URLSearchParams.prototype, Symbol.iterator, { value: URLSearchParams.prototype.entries, writable: true, configurable: true });
  tag(URLSearchParams, "URLSearchParams");
  hidden(global, "URLSearchParams", URLSearchParams);
});
