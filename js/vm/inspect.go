package vm

import (
	"strconv"
	"strings"
)

// Inspect formats v for a console, in the manner of Node's util.inspect
// for simple cases: strings are quoted inside containers, arrays and
// objects are printed to a depth of 2, functions as [Function: name].
// It reads data properties only and never runs user code.
func Inspect(v Value) string {
	var sb strings.Builder
	inspect(&sb, v, 0, map[*Object]bool{}, true)
	return sb.String()
}

func inspect(sb *strings.Builder, v Value, depth int, seen map[*Object]bool, top bool) {
	switch v.kind {
	case KindString:
		if top {
			sb.WriteString(v.Strv().String())
			return
		}
		sb.WriteString(strconv.Quote(v.Strv().String()))
		return
	case KindObject:
	case KindBigInt:
		sb.WriteString(v.Big().String() + "n")
		return
	case KindSymbol:
		sb.WriteString(v.Sym().String())
		return
	case KindNumber:
		if v.num == 0 && 1/v.num < 0 {
			sb.WriteString("-0")
			return
		}
		sb.WriteString(NumberToString(v.num))
		return
	default:
		s, _ := (&Interp{}).ToString(v)
		sb.WriteString(s.String())
		return
	}
	o := v.Obj()
	if seen[o] {
		sb.WriteString("[Circular]")
		return
	}
	switch o.class {
	case ClassError:
		if ed, ok := o.internal.(*errorData); ok && ed.stack != "" {
			sb.WriteString(ed.stack)
		} else if s := dataString(o, "stack"); s != "" {
			sb.WriteString(s)
		} else {
			sb.WriteString(dataString(o, "name") + ": " + dataString(o, "message"))
		}
		return
	case ClassNumber, ClassString, ClassBoolean:
		sb.WriteString("[" + map[Class]string{ClassNumber: "Number", ClassString: "String", ClassBoolean: "Boolean"}[o.class] + ": ")
		inspect(sb, o.internal.(Value), depth, seen, false)
		sb.WriteString("]")
		return
	case ClassTypedArray:
		// As Node prints them: Uint8Array(2) [ 1, 2 ].
		ta := o.internal.(*typedArray)
		n := ta.length()
		sb.WriteString(taNames[ta.kind] + "(" + strconv.Itoa(n) + ") [")
		for i := 0; i < n && i < 100; i++ {
			if i > 0 {
				sb.WriteByte(',')
			}
			sb.WriteByte(' ')
			inspect(sb, ta.load(i), depth+1, seen, false)
		}
		if n > 100 {
			sb.WriteString(", ... " + strconv.Itoa(n-100) + " more items")
		}
		sb.WriteString(" ]")
		return
	case ClassArrayBuffer:
		b := o.internal.(*arrayBuffer)
		name := "ArrayBuffer"
		if b.shared {
			name = "SharedArrayBuffer"
		}
		if b.detached {
			sb.WriteString(name + " { (detached), byteLength: 0 }")
			return
		}
		sb.WriteString(name + " { byteLength: " + strconv.Itoa(len(b.data)) + " }")
		return
	case ClassDataView:
		v := o.internal.(*typedArray)
		sb.WriteString("DataView { byteLength: " + strconv.Itoa(v.length()) + ", byteOffset: " + strconv.Itoa(v.offset) + " }")
		return
	case ClassPromise:
		p := promiseOf(o)
		switch p.state {
		case promisePending:
			sb.WriteString("Promise { <pending> }")
		case promiseFulfilled:
			sb.WriteString("Promise { ")
			inspect(sb, p.result, depth+1, seen, false)
			sb.WriteString(" }")
		default:
			sb.WriteString("Promise { <rejected> ")
			inspect(sb, p.result, depth+1, seen, false)
			sb.WriteString(" }")
		}
		return
	}
	if o.fn != nil {
		name := dataString(o, "name")
		if o.fn.isClass {
			sb.WriteString("[class " + name + "]")
			return
		}
		if name == "" {
			sb.WriteString("[Function (anonymous)]")
			return
		}
		sb.WriteString("[Function: " + name + "]")
		return
	}
	if depth > 2 {
		if o.class == ClassArray {
			sb.WriteString("[Array]")
		} else {
			sb.WriteString("[Object]")
		}
		return
	}
	seen[o] = true
	defer delete(seen, o)
	var parts []string
	isArr := o.class == ClassArray
	if isArr {
		holes := 0
		flush := func() {
			if holes > 0 {
				parts = append(parts, "<"+strconv.Itoa(holes)+" empty item"+map[bool]string{true: "s"}[holes > 1]+">")
				holes = 0
			}
		}
		for i := 0; i < int(o.length) && i < 100; i++ {
			p, ok := o.getOwn(indexKey(i))
			if !ok {
				holes++
				continue
			}
			flush()
			var e strings.Builder
			if p.attr&Accessor != 0 {
				e.WriteString("[Getter/Setter]")
			} else {
				inspect(&e, p.value, depth+1, seen, false)
			}
			parts = append(parts, e.String())
		}
		flush()
		if o.length > 100 {
			parts = append(parts, "... "+strconv.Itoa(int(o.length)-100)+" more items")
		}
	}
	for _, k := range o.ownKeys(true) {
		if _, isIdx := k.arrayIndex(); isArr && (isIdx || k.s == "length") && k.sym == nil {
			continue
		}
		p, _ := o.getOwn(k)
		if p.attr&Enumerable == 0 {
			continue
		}
		var e strings.Builder
		if k.sym != nil {
			e.WriteString("[" + k.sym.String() + "]")
		} else if isIdentName(k.s) {
			e.WriteString(k.s)
		} else {
			e.WriteString(strconv.Quote(k.s))
		}
		e.WriteString(": ")
		if p.attr&Accessor != 0 {
			e.WriteString("[Getter/Setter]")
		} else {
			inspect(&e, p.value, depth+1, seen, false)
		}
		parts = append(parts, e.String())
	}
	open, close := "{", "}"
	if isArr {
		open, close = "[", "]"
	}
	prefix := ""
	if !isArr && o.Proto() != nil {
		if c, ok := o.Proto().getOwn(keyConstructor); ok && c.attr&Accessor == 0 {
			if n := dataString(c.value.Obj(), "name"); n != "" && n != "Object" {
				prefix = n + " "
			}
		}
	} else if !isArr && o.Proto() == nil {
		prefix = "[Object: null prototype] "
	}
	if len(parts) == 0 {
		sb.WriteString(prefix + open + close)
		return
	}
	line := prefix + open + " " + strings.Join(parts, ", ") + " " + close
	if len(line) <= 72 {
		sb.WriteString(line)
		return
	}
	ind := strings.Repeat("  ", depth+1)
	sb.WriteString(prefix + open + "\n" + ind + strings.Join(parts, ",\n"+ind) + "\n" + strings.Repeat("  ", depth) + close)
}

func isIdentName(s string) bool {
	if s == "" {
		return false
	}
	for i, c := range s {
		if !(c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}
