package vm

func (r *Realm) initSymbol() {
	it := r.it
	p := NewObject(r.ObjectPrototype)
	r.SymbolPrototype = p
	s := r.newCtor("Symbol", 0, func(it *Interp, _ Value, args []Value, nt *Object) (Value, error) {
		if nt != nil {
			return Undefined, it.typeError("Symbol is not a constructor")
		}
		d := Undefined
		if a := arg(args, 0); !a.IsUndefined() {
			s, err := it.ToString(a)
			if err != nil {
				return Undefined, err
			}
			d = StrValue(s)
		}
		return SymValue(&Symbol{Description: d}), nil
	}, p)
	for name, sym := range map[string]*Symbol{
		"iterator": it.SymIterator, "asyncIterator": it.SymAsyncIterator, "hasInstance": it.SymHasInstance,
		"toPrimitive": it.SymToPrimitive, "toStringTag": it.SymToStringTag, "species": it.SymSpecies,
		"isConcatSpreadable": it.SymIsConcatSpreadable, "unscopables": it.SymUnscopables, "match": it.SymMatch,
		"matchAll": it.SymMatchAll, "replace": it.SymReplace, "search": it.SymSearch, "split": it.SymSplit,
		"dispose": it.SymDispose, "asyncDispose": it.SymAsyncDispose,
	} {
		s.defineOwn(StrKey(name), SymValue(sym), 0)
	}
	r.method(s, "for", 1, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		k, err := it.ToString(arg(args, 0))
		if err != nil {
			return Undefined, err
		}
		if sym, ok := it.symbolRegistry[k.Key()]; ok {
			return SymValue(sym), nil
		}
		sym := &Symbol{Description: StrValue(k)}
		it.symbolRegistry[k.Key()] = sym
		return SymValue(sym), nil
	})
	r.method(s, "keyFor", 1, func(it *Interp, _ Value, args []Value, _ *Object) (Value, error) {
		sym := arg(args, 0).Sym()
		if sym == nil {
			return Undefined, it.typeError(describeForError(arg(args, 0)) + " is not a symbol")
		}
		for k, v := range it.symbolRegistry {
			if v == sym {
				return Str(k), nil
			}
		}
		return Undefined, nil
	})
	thisSym := func(it *Interp, this Value) (*Symbol, error) {
		if s := this.Sym(); s != nil {
			return s, nil
		}
		if o := this.Obj(); o != nil && o.class == ClassSymbol {
			return o.internal.(Value).Sym(), nil
		}
		return nil, it.typeError("Symbol.prototype method called on incompatible receiver")
	}
	r.method(p, "toString", 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		s, err := thisSym(it, this)
		if err != nil {
			return Undefined, err
		}
		return Str(s.String()), nil
	})
	r.method(p, "valueOf", 0, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		s, err := thisSym(it, this)
		if err != nil {
			return Undefined, err
		}
		return SymValue(s), nil
	})
	r.getter(p, StrKey("description"), func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		s, err := thisSym(it, this)
		if err != nil {
			return Undefined, err
		}
		return s.Description, nil
	})
	tp := r.newFunc("[Symbol.toPrimitive]", 1, func(it *Interp, this Value, _ []Value, _ *Object) (Value, error) {
		s, err := thisSym(it, this)
		if err != nil {
			return Undefined, err
		}
		return SymValue(s), nil
	})
	p.defineOwn(SymKey(it.SymToPrimitive), ObjValue(tp), Configurable)
	p.defineOwn(SymKey(it.SymToStringTag), Str("Symbol"), Configurable)
}
