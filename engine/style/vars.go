package style

import (
	"strings"

	"glassbox/engine/css"
)

// This file implements custom properties and var() (CSS Custom
// Properties for Cascading Variables 1).
//
// A custom property (--name: tokens) cascades like any property and
// always inherits; its computed value is its tokens with the var()s in
// them substituted. A declaration of an ordinary property whose value
// holds var() cannot be checked when it is compiled, so it is kept as
// tokens (a kVar value, on each longhand of a shorthand) and parsed once
// the element's custom properties are known. If the substituted value is
// invalid, the property is invalid at computed-value time and behaves as
// unset.

// customProps maps custom property names to their computed values. A nil
// entry's name is absent from the map: a missing name and a
// guaranteed-invalid value read the same.
type customProps map[string][]css.Token

// hasVar reports whether a value references var().
func hasVar(ts []css.Token) bool {
	for _, t := range ts {
		if t.Type == css.FunctionToken && strings.EqualFold(t.Value, "var") {
			return true
		}
		if (t.Type == css.FunctionToken || t.Type == css.BlockToken) && hasVar(t.Children) {
			return true
		}
	}
	return false
}

// validVarSyntax checks every var() in ts for the shape var(--name [,
// fallback]?), so that a malformed one makes the declaration invalid when
// it is parsed, as the grammar requires.
func validVarSyntax(ts []css.Token) bool {
	for _, t := range ts {
		if t.Type == css.FunctionToken && strings.EqualFold(t.Value, "var") {
			args := trim(t.Children)
			if len(args) == 0 || args[0].Type != css.IdentToken || !strings.HasPrefix(args[0].Value, "--") {
				return false
			}
			rest := trim(args[1:])
			if len(rest) > 0 && rest[0].Type != css.CommaToken {
				return false
			}
		}
		if (t.Type == css.FunctionToken || t.Type == css.BlockToken) && !validVarSyntax(t.Children) {
			return false
		}
	}
	return true
}

// maxSubstitution bounds the number of tokens substitution may produce,
// so that variables doubling each other (--b: var(--a) var(--a) ...)
// cannot exhaust memory.
const maxSubstitution = 1 << 16

// substitute replaces every var() in ts by the value lookup gives its
// name, or its fallback. ok is false when a var() has neither: the value
// is then invalid at computed-value time.
func substitute(ts []css.Token, lookup func(string) ([]css.Token, bool)) (out []css.Token, ok bool) {
	budget := maxSubstitution
	return substituteInto(nil, ts, lookup, &budget)
}

func substituteInto(out, ts []css.Token, lookup func(string) ([]css.Token, bool), budget *int) ([]css.Token, bool) {
	for _, t := range ts {
		if *budget <= 0 {
			return nil, false
		}
		*budget--
		switch {
		case t.Type == css.FunctionToken && strings.EqualFold(t.Value, "var"):
			args := trim(t.Children)
			if len(args) == 0 || args[0].Type != css.IdentToken {
				return nil, false
			}
			if v, found := lookup(args[0].Value); found {
				*budget -= len(v)
				out = append(out, v...)
				continue
			}
			rest := trim(args[1:])
			if len(rest) == 0 || rest[0].Type != css.CommaToken {
				return nil, false
			}
			var ok bool
			if out, ok = substituteInto(out, trim(rest[1:]), lookup, budget); !ok {
				return nil, false
			}
		case (t.Type == css.FunctionToken || t.Type == css.BlockToken) && hasVar(t.Children):
			children, ok := substituteInto(nil, t.Children, lookup, budget)
			if !ok {
				return nil, false
			}
			t.Children = children
			out = append(out, t)
		default:
			out = append(out, t)
		}
	}
	return out, true
}

// customDecl is a cascaded custom property declaration.
type customDecl struct {
	name string
	raw  []css.Token // nil for the CSS-wide keywords, which kind then holds
	kind valueKind
}

// computeCustom computes the custom properties of an element from its
// parent's and the declarations that won its cascade, resolving var()
// references among them and dropping those caught in cycles.
func computeCustom(parent customProps, decls []customDecl) customProps {
	if len(decls) == 0 {
		return parent
	}
	out := make(customProps, len(parent)+len(decls))
	for k, v := range parent {
		out[k] = v
	}
	// Specified values, the last declaration of a name winning.
	spec := make(map[string]*customDecl, len(decls))
	for i := range decls {
		spec[decls[i].name] = &decls[i]
	}
	const (
		unresolved = iota
		resolving
		done
	)
	state := make(map[string]int, len(spec))
	var stack []string
	cyclic := map[string]bool{}
	var resolve func(name string) ([]css.Token, bool)
	resolve = func(name string) ([]css.Token, bool) {
		d, ok := spec[name]
		if !ok {
			v, ok := out[name]
			return v, ok
		}
		switch state[name] {
		case done:
			v, ok := out[name]
			return v, ok
		case resolving:
			// A cycle: every property from name up the stack is in it.
			for i := len(stack) - 1; i >= 0; i-- {
				cyclic[stack[i]] = true
				if stack[i] == name {
					break
				}
			}
			return nil, false
		}
		state[name] = resolving
		stack = append(stack, name)
		var v []css.Token
		valid := true
		switch d.kind {
		case kInherit:
			v, valid = parent[name]
		case kInitial:
			valid = false
		case kUnset:
			v, valid = parent[name] // custom properties inherit
		default:
			v = d.raw
			if hasVar(v) {
				v, valid = substitute(v, resolve)
			}
		}
		stack = stack[:len(stack)-1]
		state[name] = done
		if !valid || cyclic[name] {
			delete(out, name)
			return nil, false
		}
		out[name] = v
		return v, true
	}
	for name := range spec {
		resolve(name)
	}
	return out
}

// resolveVar substitutes the var()s of a kVar value for property p with
// the element's custom properties and parses the result. It returns nil
// when the value is invalid at computed-value time.
func resolveVar(p propID, v *value, vars customProps) *value {
	ts, ok := substitute(v.raw, func(name string) ([]css.Token, bool) {
		t, ok := vars[name]
		return t, ok
	})
	if !ok {
		return nil
	}
	ts = trim(ts)
	if len(ts) == 0 || hasVar(ts) {
		return nil
	}
	for _, d := range expand(nil, v.name, ts, false) {
		if d.prop == p && d.val.kind != kVar {
			return d.val
		}
	}
	return nil
}
