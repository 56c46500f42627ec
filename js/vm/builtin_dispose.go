package vm

// DisposableStack and AsyncDisposableStack (explicit resource
// management, ECMA-262 27.3 and 27.4 in the proposal), Symbol.dispose and
// Symbol.asyncDispose, Iterator.prototype[Symbol.dispose] and
// %AsyncIteratorPrototype%[Symbol.asyncDispose]. The using declarations
// are the compiler's; these are the library objects.

// disposableResource is a DisposableResource record: the value and the
// method to call on it (undefined for a using of null or undefined).
type disposableResource struct {
	value, method Value
	async         bool
}

// disposeStack is the state of a DisposableStack or AsyncDisposableStack.
type disposeStack struct {
	async     bool
	disposed  bool
	resources []disposableResource
}

// suppressedError makes a SuppressedError for err thrown while disposing
// after suppressed was thrown.
func (it *Interp) suppressedError(err, suppressed Value) Value {
	o := newObjectClass(it.realm.suppressedErrorPrototype, ClassError)
	o.defineOwn(StrKey("error"), err, Hidden)
	o.defineOwn(StrKey("suppressed"), suppressed, Hidden)
	it.attachStack(o)
	return ObjValue(o)
}

// getDisposeMethod is GetDisposeMethod: Symbol.asyncDispose, or for
// async disposal a Symbol.dispose method wrapped to return a promise.
func (it *Interp) getDisposeMethod(v Value, async bool) (Value, error) {
	if async {
		m, err := it.getMethod(v, SymKey(it.SymAsyncDispose))
		if err != nil || !m.IsUndefined() {
			return m, err
		}
		m, err = it.getMethod(v, SymKey(it.SymDispose))
		if err != nil || m.IsUndefined() {
			return m, err
		}
		wrapped := it.realm.newFunc("", 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
			p := it.realm.newPromise()
			if _, err := it.Call(m, this); err != nil {
				if _, ok := err.(*Exception); !ok {
					return Undefined, err
				}
				it.rejectPromise(p, exceptionValue(err))
			} else {
				it.resolvePromise(p, Undefined)
			}
			return ObjValue(p), nil
		})
		return ObjValue(wrapped), nil
	}
	return it.getMethod(v, SymKey(it.SymDispose))
}

// addResource is AddDisposableResource for a using of v.
func (it *Interp) addResource(st *disposeStack, v Value) error {
	if v.IsNullish() {
		if st.async {
			st.resources = append(st.resources, disposableResource{value: Undefined, method: Undefined, async: true})
		}
		return nil
	}
	if !v.IsObject() {
		return it.typeError(describeForError(v) + " is not an object")
	}
	m, err := it.getDisposeMethod(v, st.async)
	if err != nil {
		return err
	}
	if m.IsUndefined() {
		return it.typeError(describeForError(v) + " is not disposable")
	}
	st.resources = append(st.resources, disposableResource{value: v, method: m, async: st.async})
	return nil
}

// disposeSync is DisposeResources for a DisposableStack: each resource in
// reverse order, errors folded into SuppressedErrors.
func (it *Interp) disposeSync(res []disposableResource) error {
	var thrown Value
	has := false
	for i := len(res) - 1; i >= 0; i-- {
		r := res[i]
		if r.method.IsUndefined() {
			continue
		}
		if _, err := it.Call(r.method, r.value); err != nil {
			if _, ok := err.(*Exception); !ok {
				return err
			}
			v := exceptionValue(err)
			if has {
				v = it.suppressedError(v, thrown)
			}
			thrown, has = v, true
		}
	}
	if has {
		return &Exception{Value: thrown}
	}
	return nil
}

// disposeAsync is DisposeResources for an AsyncDisposableStack: it calls
// each method in reverse order, awaiting its result, and settles p.
func (it *Interp) disposeAsync(res []disposableResource, p *Object) {
	var thrown Value
	has, awaited, needsAwait := false, false, false
	var step func(i int)
	fail := func(err error) {
		v := exceptionValue(err)
		if has {
			v = it.suppressedError(v, thrown)
		}
		thrown, has = v, true
	}
	await := func(v Value, next func()) {
		awaited = true
		it.performThen(it.promiseResolve(it.realm, v), func(Value) (Value, error) {
			next()
			return Undefined, nil
		}, func(reason Value) (Value, error) {
			fail(&Exception{Value: reason})
			next()
			return Undefined, nil
		})
	}
	finish := func() {
		if has {
			it.rejectPromise(p, thrown)
		} else {
			it.resolvePromise(p, Undefined)
		}
	}
	step = func(i int) {
		for ; i >= 0; i-- {
			r := res[i]
			if r.method.IsUndefined() {
				needsAwait = true
				continue
			}
			if needsAwait && !awaited {
				// A using of null before this one still takes a turn.
				needsAwait = false
				j := i
				await(Undefined, func() { step(j) })
				return
			}
			needsAwait = false
			v, err := it.Call(r.method, r.value)
			if err != nil {
				fail(err)
				continue
			}
			j := i - 1
			await(v, func() { step(j) })
			return
		}
		if needsAwait && !awaited {
			needsAwait = false
			await(Undefined, finish)
			return
		}
		finish()
	}
	step(len(res) - 1)
}

func (r *Realm) initDisposableStacks() {
	it := r.it
	r.symMethod(r.IteratorPrototype, it.SymDispose, "[Symbol.dispose]", 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		m, err := it.getMethod(this, StrKey("return"))
		if err != nil || m.IsUndefined() {
			return Undefined, err
		}
		_, err = it.Call(m, this)
		return Undefined, err
	})
	r.symMethod(r.asyncIteratorPrototype, it.SymAsyncDispose, "[Symbol.asyncDispose]", 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		p := it.realm.newPromise()
		reject := func(err error) (Value, error) {
			if _, ok := err.(*Exception); !ok {
				return Undefined, err
			}
			it.rejectPromise(p, exceptionValue(err))
			return ObjValue(p), nil
		}
		m, err := it.getMethod(this, StrKey("return"))
		if err != nil {
			return reject(err)
		}
		if m.IsUndefined() {
			it.resolvePromise(p, Undefined)
			return ObjValue(p), nil
		}
		res, err := it.Call(m, this)
		if err != nil {
			return reject(err)
		}
		it.performThen(it.promiseResolve(it.realm, res), func(Value) (Value, error) {
			it.resolvePromise(p, Undefined)
			return Undefined, nil
		}, func(reason Value) (Value, error) {
			it.rejectPromise(p, reason)
			return Undefined, nil
		})
		return ObjValue(p), nil
	})

	for _, async := range []bool{false, true} {
		async := async
		name, disposeName, sym := "DisposableStack", "dispose", it.SymDispose
		if async {
			name, disposeName, sym = "AsyncDisposableStack", "disposeAsync", it.SymAsyncDispose
		}
		p := NewObject(r.ObjectPrototype)
		if async {
			r.asyncDisposableStackPrototype = p
		} else {
			r.disposableStackPrototype = p
		}
		protoOf := func(r *Realm) *Object {
			if async {
				return r.asyncDisposableStackPrototype
			}
			return r.disposableStackPrototype
		}
		r.newCtor(name, 0, func(it *Interp, _ Value, _ []Value, nt *Object) (Value, error) {
			if nt == nil {
				return Undefined, it.typeError("Constructor " + name + " requires 'new'")
			}
			proto, err := it.protoFromCtor(nt, protoOf)
			if err != nil {
				return Undefined, err
			}
			o := NewObject(proto)
			o.internal = &disposeStack{async: async}
			return ObjValue(o), nil
		}, p)
		p.defineOwn(SymKey(it.SymToStringTag), Str(name), Configurable)
		stackOf := func(it *Interp, this Value, method string) (*disposeStack, error) {
			if o := this.Obj(); o != nil {
				if st, ok := o.internal.(*disposeStack); ok && st.async == async {
					return st, nil
				}
			}
			return nil, it.typeError(name + ".prototype." + method + " called on incompatible receiver " + describeForError(this))
		}
		// live is stackOf for the methods that need a stack not yet
		// disposed.
		live := func(it *Interp, this Value, method string) (*disposeStack, error) {
			st, err := stackOf(it, this, method)
			if err == nil && st.disposed {
				err = it.referenceError(name + " already disposed")
			}
			return st, err
		}
		r.getterNamed(p, StrKey("disposed"), "get disposed", func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
			st, err := stackOf(it, this, "disposed")
			if err != nil {
				return Undefined, err
			}
			return Bool(st.disposed), nil
		})
		var dispose *Object
		if async {
			dispose = r.method(p, disposeName, 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
				pr := it.realm.newPromise()
				st, err := stackOf(it, this, disposeName)
				if err != nil {
					it.rejectPromise(pr, exceptionValue(err))
					return ObjValue(pr), nil
				}
				if st.disposed {
					it.resolvePromise(pr, Undefined)
					return ObjValue(pr), nil
				}
				st.disposed = true
				res := st.resources
				st.resources = nil
				it.disposeAsync(res, pr)
				return ObjValue(pr), nil
			})
		} else {
			dispose = r.method(p, disposeName, 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
				st, err := stackOf(it, this, disposeName)
				if err != nil || st.disposed {
					return Undefined, err
				}
				st.disposed = true
				res := st.resources
				st.resources = nil
				return Undefined, it.disposeSync(res)
			})
		}
		p.defineOwn(SymKey(sym), ObjValue(dispose), Hidden)
		r.method(p, "use", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
			st, err := live(it, this, "use")
			if err != nil {
				return Undefined, err
			}
			return arg(args, 0), it.addResource(st, arg(args, 0))
		})
		r.method(p, "adopt", 2, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
			st, err := live(it, this, "adopt")
			if err != nil {
				return Undefined, err
			}
			v, onDispose := arg(args, 0), arg(args, 1)
			if !isCallable(onDispose) {
				return Undefined, it.typeError(describeForError(onDispose) + " is not a function")
			}
			f := it.realm.newFunc("", 0, func(it *Interp, _ Value, _ []Value, _ *Object) (Value, error) {
				return it.Call(onDispose, Undefined, v)
			})
			st.resources = append(st.resources, disposableResource{value: Undefined, method: ObjValue(f), async: async})
			return v, nil
		})
		r.method(p, "defer", 1, func(it *Interp, this Value, args []Value, _ *Object) (Value, error) {
			st, err := live(it, this, "defer")
			if err != nil {
				return Undefined, err
			}
			onDispose := arg(args, 0)
			if !isCallable(onDispose) {
				return Undefined, it.typeError(describeForError(onDispose) + " is not a function")
			}
			st.resources = append(st.resources, disposableResource{value: Undefined, method: onDispose, async: async})
			return Undefined, nil
		})
		r.method(p, "move", 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
			st, err := live(it, this, "move")
			if err != nil {
				return Undefined, err
			}
			o := NewObject(protoOf(it.realm))
			o.internal = &disposeStack{async: async, resources: st.resources}
			st.resources, st.disposed = nil, true
			return ObjValue(o), nil
		})
	}
}
