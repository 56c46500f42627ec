package compiler

import (
	"bytes"
	"sort"
	"unicode/utf8"

	"github.com/tdewolff/parse/v2/js"

	"glassbox/js/bytecode"
)

// CompileModule parses and compiles a module (ECMA-262 16.2): strict code
// whose top-level bindings live in a module context, with the import and
// export entries linking resolves. The early errors of modules that need
// no other module (duplicate exports, exports of undeclared names,
// imports clashing with declarations) are reported here; unresolvable
// imports are reported at link time.
func CompileModule(file, src string) (m *bytecode.ModuleTemplate, err error) {
	ms, serr := scanModule(file, src)
	if serr != nil {
		return nil, serr
	}
	c, ast, err := parseSource(file, string(ms.src))
	if err != nil {
		return nil, err
	}
	c.attrs = ms.attrs
	defer func() {
		if p := recover(); p != nil {
			if se, ok := p.(*SyntaxError); ok {
				m, err = nil, se
				return
			}
			panic(p)
		}
	}()
	c.module = true
	js.Walk(&awaitBindingCheck{c: c}, ast)
	c.analyze(ast, true)
	return c.compileModule(ast), nil
}

// moduleItems is what compileModule learns from the import and export
// statements before compiling code.
type moduleItems struct {
	m        *bytecode.ModuleTemplate
	requests map[string]int
	// imports maps a local name to its entry in m.Imports.
	imports map[string]int
	// exported are the export names seen so far, for duplicates.
	exported map[string]bool
	// body is the module's statement list with the export wrappers taken
	// off declarations.
	body []js.IStmt
	// hoisted are the function declarations Init creates: each with the
	// binding it initializes.
	hoisted []*js.FuncDecl
	// defaults are the export default forms that evaluate into the
	// *default* binding: an expression, an anonymous class or an
	// anonymous function (hoisted).
	defaultExpr js.IExpr
	defaultStmt *js.ExportStmt
	needDefault bool
	// localNames are export {a as b} entries without from, resolved once
	// every declaration is known.
	localNames []localExportName
}

type localExportName struct {
	local, export []byte
	counted       bool // the export name was checked for duplicates already
}

func (c *compiler) request(mi *moduleItems, spec []byte) int {
	s := c.stringLit(spec)
	attrs := c.attrs[c.offsetOf(spec)]
	key := s
	for _, a := range attrs {
		key += "\x00" + a.Key + "\x00" + a.Value
	}
	if i, ok := mi.requests[key]; ok {
		return i
	}
	mi.m.Requests = append(mi.m.Requests, bytecode.ModuleRequest{Specifier: s, Attributes: attrs})
	mi.requests[key] = len(mi.m.Requests) - 1
	return len(mi.m.Requests) - 1
}

// moduleExportName is the value of a ModuleExportName: an identifier or a
// string literal, which must be well-formed Unicode.
func (c *compiler) moduleExportName(b []byte) string {
	if len(b) > 0 && (b[0] == '"' || b[0] == '\'') {
		s := c.stringLit(b)
		if !utf8.ValidString(s) {
			c.errorAt(b, "An export name cannot include a lone surrogate")
		}
		return s
	}
	s, ok := c.unescape(b, false) // identifiers may have \u escapes
	if !ok {
		c.errorAt(b, "Invalid escape sequence")
	}
	return s
}

func isStringName(b []byte) bool { return len(b) > 0 && (b[0] == '"' || b[0] == '\'') }

func (c *compiler) addExportName(mi *moduleItems, name string, at []byte) {
	if mi.exported[name] {
		c.errorAt(at, "Duplicate export of '%s'", name)
	}
	mi.exported[name] = true
}

// collectModuleItems reads the import and export statements.
func (c *compiler) collectModuleItems(ast *js.AST) *moduleItems {
	mi := &moduleItems{m: &bytecode.ModuleTemplate{File: c.file}, requests: map[string]int{}, imports: map[string]int{}, exported: map[string]bool{}}
	m := mi.m
	addImport := func(req int, importName string, ns bool, local []byte) {
		name := string(local)
		if name == "eval" || name == "arguments" {
			c.errorAt(local, "Unexpected eval or arguments in strict mode")
		}
		if _, dup := mi.imports[name]; dup {
			c.errorAt(local, "Identifier '%s' has already been declared", name)
		}
		m.Imports = append(m.Imports, bytecode.ImportEntry{Request: req, ImportName: importName, Namespace: ns, Local: name})
		mi.imports[name] = len(m.Imports) - 1
	}
	for _, st := range ast.List {
		switch s := st.(type) {
		case *js.ImportStmt:

			req := c.request(mi, s.Module)
			if s.Default != nil {
				addImport(req, "default", false, s.Default)
			}
			for _, a := range s.List {
				if a.Binding == nil {
					continue // trailing comma
				}
				if len(a.Name) == 1 && a.Name[0] == '*' {
					addImport(req, "", true, a.Binding)
					continue
				}
				name := a.Binding
				if a.Name != nil {
					name = a.Name
				}
				addImport(req, c.moduleExportName(name), false, a.Binding)
			}
		case *js.ExportStmt:
			c.exportItem(mi, s)
		default:
			mi.body = append(mi.body, st)
		}
	}
	return mi
}

func (c *compiler) exportItem(mi *moduleItems, s *js.ExportStmt) {
	m := mi.m
	switch {
	case s.Default:
		c.addExportName(mi, "default", nil)
		switch d := s.Decl.(type) {
		case *js.FuncDecl:
			if d.Name != nil {
				mi.body = append(mi.body, d)
				mi.localNames = append(mi.localNames, localExportName{d.Name.Data, []byte("default"), true})
				return
			}
			mi.hoisted = append(mi.hoisted, d)
			mi.needDefault = true
			return
		case *js.ClassDecl:
			if d.Name != nil {
				mi.body = append(mi.body, d)
				mi.localNames = append(mi.localNames, localExportName{d.Name.Data, []byte("default"), true})
				return
			}
		}
		mi.defaultExpr = s.Decl
		mi.defaultStmt = s
		mi.needDefault = true
		mi.body = append(mi.body, s) // evaluated in place
	case s.Decl != nil:
		var names []*js.Var
		switch d := s.Decl.(type) {
		case *js.VarDecl:
			for _, el := range d.List {
				names = boundNames(el.Binding, names)
			}
			mi.body = append(mi.body, d)
		case *js.FuncDecl:
			names = append(names, d.Name)
			mi.body = append(mi.body, d)
		case *js.ClassDecl:
			names = append(names, d.Name)
			mi.body = append(mi.body, d)
		}
		for _, v := range names {
			mi.localNames = append(mi.localNames, localExportName{local: v.Data, export: v.Data})
		}
	case s.Module != nil:
		req := c.request(mi, s.Module)
		if len(s.List) == 1 && s.List[0].Name == nil && string(s.List[0].Binding) == "*" {
			m.StarExports = append(m.StarExports, req)
			return
		}
		if len(s.List) == 1 && string(s.List[0].Name) == "*" {
			name := c.moduleExportName(s.List[0].Binding)
			c.addExportName(mi, name, s.List[0].Binding)
			m.IndirectExports = append(m.IndirectExports, bytecode.IndirectExport{ExportName: name, Request: req, Namespace: true})
			return
		}
		for _, a := range s.List {
			if a.Binding == nil {
				continue
			}
			imp := a.Binding
			if a.Name != nil {
				imp = a.Name
			}
			name := c.moduleExportName(a.Binding)
			c.addExportName(mi, name, a.Binding)
			m.IndirectExports = append(m.IndirectExports, bytecode.IndirectExport{ExportName: name, Request: req, ImportName: c.moduleExportName(imp)})
		}
	default:
		for _, a := range s.List {
			if a.Binding == nil {
				continue
			}
			local := a.Binding
			if a.Name != nil {
				local = a.Name
			}
			if isStringName(local) {
				c.errorAt(local, "A string export name needs a from clause")
			}
			mi.localNames = append(mi.localNames, localExportName{local: local, export: a.Binding})
		}
	}
}

// compileModule compiles a parsed module.
func (c *compiler) compileModule(ast *js.AST) *bytecode.ModuleTemplate {
	mi := c.collectModuleItems(ast)
	m := mi.m

	// The same early errors as a block's, function declarations being
	// lexical at the top level of a module, plus imports.
	strictState := &funcState{strict: true}
	c.fs = strictState
	c.checkBlockDeclarations(mi.body)
	declared := map[string]*js.Var{}
	for _, v := range ast.BlockStmt.Scope.Declared {
		declared[string(v.Data)] = v
	}
	for _, e := range m.Imports {
		if _, ok := declared[e.Local]; ok {
			c.errorf("Identifier '%s' has already been declared", e.Local)
		}
	}
	c.fs = nil

	// Slots of the module context: 0 is the module record.
	slots := 1
	consts := map[*js.Var]bool{}
	for _, st := range mi.body {
		if d, ok := st.(*js.VarDecl); ok && d.TokenType == js.ConstToken {
			for _, el := range d.List {
				forEachVar(el.Binding, func(v *js.Var) { consts[v] = true })
			}
		}
	}
	bindingOf := map[string]*binding{}
	for _, v := range ast.BlockStmt.Scope.Declared {
		b := &binding{kind: bindCtx, name: string(v.Data), slot: slots, level: 1}
		slots++
		switch v.Decl {
		case js.LexicalDecl:
			b.lexical = true
			b.constant = consts[v]
			m.Lexical = append(m.Lexical, b.slot)
		}
		c.bindings[v] = b
		bindingOf[b.name] = b
	}
	undeclared := map[string]*js.Var{}
	for _, v := range ast.BlockStmt.Scope.Undeclared {
		undeclared[string(v.Data)] = v
	}
	for i := range m.Imports {
		e := &m.Imports[i]
		e.Slot = slots
		slots++
		b := &binding{kind: bindImport, name: e.Local, slot: e.Slot, level: 1, lexical: true, constant: true}
		if e.Namespace {
			b.kind, b.lexical = bindCtx, false
		}
		bindingOf[e.Local] = b
		if v, ok := undeclared[e.Local]; ok {
			c.bindings[v] = b
		}
	}
	var defaultB *binding
	if mi.needDefault {
		defaultB = &binding{kind: bindCtx, name: "*default*", slot: slots, level: 1, lexical: true}
		slots++
		m.Lexical = append(m.Lexical, defaultB.slot)
		m.LocalExports = append(m.LocalExports, bytecode.LocalExport{ExportName: "default", Slot: defaultB.slot})
	}
	m.Slots = slots

	// Local exports, and imports exported again, which become indirect.
	for _, ln := range mi.localNames {
		local, name := string(ln.local), c.moduleExportName(ln.export)
		if !ln.counted {
			c.addExportName(mi, name, ln.export)
		}
		if i, ok := mi.imports[local]; ok {
			e := m.Imports[i]
			if e.Namespace {
				// Resolves to the imported module's namespace, so two
				// modules re-exporting one namespace are not ambiguous.
				m.IndirectExports = append(m.IndirectExports, bytecode.IndirectExport{ExportName: name, Request: e.Request, Namespace: true})
			} else {
				m.IndirectExports = append(m.IndirectExports, bytecode.IndirectExport{ExportName: name, Request: e.Request, ImportName: e.ImportName})
			}
			continue
		}
		b, ok := bindingOf[local]
		if !ok {
			c.errorAt(ln.local, "Export '%s' is not defined in module", local)
		}
		m.LocalExports = append(m.LocalExports, bytecode.LocalExport{ExportName: name, Slot: b.slot})
	}
	sort.Ints(m.Lexical)

	// Init: the hoisted functions.
	fs := c.newFunc("", bytecode.ScriptBody, true, &funcInfo{})
	fs.t.Line, fs.t.Col = 1, 1
	fs.nextReg, fs.maxReg = 1, 1
	fs.ctxLevel = 1
	fs.thisB = &binding{kind: bindReg, reg: 0, fs: fs}
	c.hoistFunctions(mi.body)
	for _, f := range mi.hoisted {
		c.function(f, "default")
		c.storeBinding(defaultB)
	}
	c.emit(bytecode.LdaUndefined)
	c.emit(bytecode.Return)
	m.Init = c.finishFunc()

	// Body: the statements.
	fs = c.newFunc("", bytecode.ScriptBody, true, c.info[ast])
	fs.t.Line, fs.t.Col = 1, 1
	fs.nextReg, fs.maxReg = 1, 1
	fs.ctxLevel = 1
	m.HasTLA = hasTopLevelAwait(mi)
	if m.HasTLA {
		fs.t.Flags |= bytecode.FlagAsync
	}
	fs.thisB = &binding{kind: bindReg, reg: 0, fs: fs}
	for _, b := range bindingOf {
		b.fs = fs
	}
	if defaultB != nil {
		defaultB.fs = fs
	}
	if fs.info.thisCaptured {
		c.emit(bytecode.CreateBlockContext, 1)
		saved := fs.reg()
		c.emit(bytecode.PushContext, saved)
		fs.ctxLevel++
		fs.thisB = &binding{kind: bindCtx, slot: 0, level: fs.ctxLevel, fs: fs}
		c.emit(bytecode.Ldar, 0)
		c.storeBinding(fs.thisB)
	}
	for _, st := range mi.body {
		if st == js.IStmt(mi.defaultStmt) {
			c.namedExpr(mi.defaultExpr, "default")
			c.storeBinding(defaultB)
			continue
		}
		c.stmt(st)
	}
	c.emit(bytecode.LdaUndefined)
	c.emit(bytecode.Return)
	m.Body = c.finishFunc()
	return m
}

// hasTopLevelAwait reports whether the module body awaits outside any
// function: an await expression or a for await loop.
func hasTopLevelAwait(mi *moduleItems) bool {
	f := &awaitFinder{}
	for _, st := range mi.body {
		if es, ok := st.(*js.ExportStmt); ok {
			if es.Decl != nil {
				js.Walk(f, es.Decl)
			}
			continue
		}
		js.Walk(f, st)
		if f.found {
			return true
		}
	}
	return f.found
}

type awaitFinder struct{ found bool }

func (f *awaitFinder) Enter(n js.INode) js.IVisitor {
	if f.found {
		return nil
	}
	switch n := n.(type) {
	case *js.FuncDecl, *js.ArrowFunc, *js.MethodDecl:
		return nil
	case *js.ClassDecl:
		// Only the heritage and computed keys run at the top level.
		if n.Extends != nil {
			js.Walk(f, n.Extends)
		}
		for _, el := range n.List {
			if el.Method != nil && el.Method.Name.IsComputed() {
				js.Walk(f, el.Method.Name.Computed)
			} else if el.Method == nil && el.StaticBlock == nil && el.Field.Name.IsComputed() {
				js.Walk(f, el.Field.Name.Computed)
			}
		}
		return nil
	case *js.UnaryExpr:
		if n.Op == js.AwaitToken {
			f.found = true
			return nil
		}
	case *js.ForOfStmt:
		if n.Await {
			f.found = true
			return nil
		}
	}
	return f
}

func (f *awaitFinder) Exit(js.INode) {}

// awaitBindingCheck reports await used as a binding name, which module
// code reserves (ECMA-262 16.2.1.1); the parser allows it. Uses of await
// are await expressions, so every variable named await is a binding.
type awaitBindingCheck struct{ c *compiler }

func (a *awaitBindingCheck) Enter(n js.INode) js.IVisitor {
	if v, ok := n.(*js.Var); ok && bytes.Contains(v.Data, []byte("aw")) || ok && bytes.IndexByte(v.Data, '\\') >= 0 {
		if name, _ := a.c.unescape(v.Data, false); name == "await" {
			a.c.errorAt(v.Data, "Unexpected reserved word 'await' in a module")
		}
	}
	return a
}

func (a *awaitBindingCheck) Exit(js.INode) {}
