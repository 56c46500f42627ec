package vm

import (
	"sort"
	"unicode/utf16"
	"unsafe"

	"glassbox/js/bytecode"
)

// This file holds module records and the algorithms of ECMA-262 16.2.1:
// loading a module graph (LoadRequestedModules), linking it (Link,
// ResolveExport, InitializeEnvironment) and evaluating it (Evaluate, with
// the asynchronous evaluation that top-level await needs). Source is
// fetched and compiled by the embedder through HostLoadImportedModule.

// ModuleStatus is a Cyclic Module Record's [[Status]].
type ModuleStatus uint8

// Module statuses, in the order a module goes through them.
const (
	ModuleNew ModuleStatus = iota
	ModuleUnlinked
	ModuleLinking
	ModuleLinked
	ModuleEvaluating
	ModuleEvaluatingAsync
	ModuleEvaluated
)

var moduleStatusNames = [...]string{"new", "unlinked", "linking", "linked", "evaluating", "evaluating-async", "evaluated"}

func (s ModuleStatus) String() string { return moduleStatusNames[s] }

// Module is a module record: a Source Text Module Record, or a synthetic
// one (JSON modules) whose exports are fixed values.
type Module struct {
	// Key identifies the module to the host (its URL in a browser). It
	// is the referrer of the module's imports.
	Key   string
	Realm *Realm
	// HostDefined is the embedder's.
	HostDefined any

	tmpl *bytecode.ModuleTemplate // nil for a synthetic module
	// synthetic modules: export names, each at slot i+1 of ctx.
	synthNames []string
	ctx        *Context // the module context, from creation on

	status    ModuleStatus
	evalError *Value // [[EvaluationError]], nil when empty
	loaded    []*Module
	namespace *Object
	meta      *Object

	dfsIndex, dfsAncestorIndex int
	cycleRoot                  *Module
	// asyncOrder is [[AsyncEvaluationOrder]]: 0 unset, -1 done, else the
	// order in which the module became asynchronous.
	asyncOrder    int
	topLevel      *Object // [[TopLevelCapability]]'s promise
	asyncParents  []*Module
	pendingAsync  int
	hasTLA        bool
	loadingFailed bool
}

// moduleValue wraps a module record for slot 0 of its context.
func moduleValue(m *Module) Value { return Value{kind: kindModule, ptr: unsafe.Pointer(m)} }

// Status returns the module's [[Status]].
func (m *Module) Status() ModuleStatus { return m.status }

// EvaluationError returns the error the module's evaluation threw, if any.
func (m *Module) EvaluationError() (Value, bool) {
	if m.evalError == nil {
		return Undefined, false
	}
	return *m.evalError, true
}

// NewSourceModule makes the record of a compiled module in realm r. Its
// context exists from now on, so that importers can bind to it.
func (it *Interp) NewSourceModule(r *Realm, key string, t *bytecode.ModuleTemplate) *Module {
	m := &Module{Key: key, Realm: r, tmpl: t, hasTLA: t.HasTLA}
	m.ctx = &Context{slots: make([]Value, t.Slots)}
	m.ctx.slots[0] = moduleValue(m)
	for _, s := range t.Lexical {
		m.ctx.slots[s] = Hole
	}
	m.loaded = make([]*Module, len(t.Requests))
	return m
}

// NewSyntheticModule makes a module whose exports are the given names
// with fixed values (a JSON module exports its value as default).
func (it *Interp) NewSyntheticModule(r *Realm, key string, names []string, values []Value) *Module {
	m := &Module{Key: key, Realm: r, synthNames: names, status: ModuleUnlinked}
	m.ctx = &Context{slots: make([]Value, len(names)+1)}
	m.ctx.slots[0] = moduleValue(m)
	copy(m.ctx.slots[1:], values)
	return m
}

// Requests returns the module requests of a source module.
func (m *Module) Requests() []bytecode.ModuleRequest {
	if m.tmpl == nil {
		return nil
	}
	return m.tmpl.Requests
}

// HostLoader is the host's side of loading (HostLoadImportedModule): it
// finds the module req names from referrer (a module's Key, or a script's
// name for import() in scripts) and calls done once with it or with the
// error to throw, now or later on the goroutine that runs the agent.
type HostLoader func(r *Realm, referrer string, req bytecode.ModuleRequest, done func(*Module, error))

// loadState is a GraphLoadingState record.
type loadState struct {
	loading bool
	pending int
	visited map[*Module]bool
	order   []*Module
	promise *Object
}

// LoadRequestedModules loads the graph of m (16.2.1.5.1); the promise
// resolves once every module of the graph is loaded.
func (it *Interp) LoadRequestedModules(m *Module) *Object {
	st := &loadState{loading: true, pending: 1, visited: map[*Module]bool{}, promise: m.Realm.newPromise()}
	it.innerModuleLoading(st, m)
	return st.promise
}

func (it *Interp) innerModuleLoading(st *loadState, m *Module) {
	if m.tmpl != nil && m.status == ModuleNew && !st.visited[m] {
		st.visited[m] = true
		st.order = append(st.order, m)
		st.pending += len(m.tmpl.Requests)
		for i, req := range m.tmpl.Requests {
			if m.loaded[i] != nil {
				it.innerModuleLoading(st, m.loaded[i])
				continue
			}
			if err := it.checkAttributes(req); err != nil {
				it.continueModuleLoading(st, nil, err)
				return
			}
			i := i
			called := false
			it.loadImported(m.Realm, m.Key, req, func(dep *Module, err error) {
				if called {
					return
				}
				called = true
				if err == nil {
					// FinishLoadingImportedModule: the first result sticks.
					if m.loaded[i] == nil {
						m.loaded[i] = dep
					}
					dep = m.loaded[i]
				}
				it.continueModuleLoading(st, dep, err)
			})
			if !st.loading {
				return
			}
		}
	}
	if !st.loading {
		return
	}
	st.pending--
	if st.pending == 0 {
		st.loading = false
		for _, v := range st.order {
			if v.status == ModuleNew {
				v.status = ModuleUnlinked
			}
		}
		it.resolvePromise(st.promise, Undefined)
	}
}

func (it *Interp) continueModuleLoading(st *loadState, m *Module, err error) {
	if !st.loading {
		return
	}
	if err != nil {
		st.loading = false
		it.rejectPromise(st.promise, exceptionValue(err))
		return
	}
	it.innerModuleLoading(st, m)
}

// checkAttributes is AllImportAttributesSupported: type is the only
// import attribute the engine knows.
func (it *Interp) checkAttributes(req bytecode.ModuleRequest) error {
	for _, a := range req.Attributes {
		if a.Key != "type" {
			return it.syntaxError("Unsupported import attribute '" + a.Key + "'")
		}
	}
	return nil
}

// loadImported asks the host for a module.
func (it *Interp) loadImported(r *Realm, referrer string, req bytecode.ModuleRequest, done func(*Module, error)) {
	if it.HostLoadImportedModule == nil {
		done(nil, it.typeError("Cannot import '"+req.Specifier+"': no module loader"))
		return
	}
	it.HostLoadImportedModule(r, referrer, req, done)
}

// Link links m's graph (16.2.1.5.2): every import is bound, or a
// SyntaxError is thrown.
func (it *Interp) Link(m *Module) error {
	var stack []*Module
	err := it.guard(func() error {
		_, err := it.innerModuleLinking(m, &stack, 0)
		return err
	})
	if err != nil {
		for _, v := range stack {
			v.status = ModuleUnlinked
		}
	}
	return err
}

func (it *Interp) innerModuleLinking(m *Module, stack *[]*Module, index int) (int, error) {
	if m.tmpl == nil {
		if m.status == ModuleUnlinked {
			m.status = ModuleEvaluated // synthetic: nothing to link or run
		}
		return index, nil
	}
	switch m.status {
	case ModuleLinking, ModuleLinked, ModuleEvaluatingAsync, ModuleEvaluated:
		return index, nil
	case ModuleNew, ModuleEvaluating:
		return index, it.typeError("module " + m.Key + " cannot be linked in state " + m.status.String())
	}
	m.status = ModuleLinking
	m.dfsIndex, m.dfsAncestorIndex = index, index
	index++
	*stack = append(*stack, m)
	for _, dep := range m.loaded {
		if dep == nil {
			return index, it.typeError("module " + m.Key + " was not loaded")
		}
		var err error
		index, err = it.innerModuleLinking(dep, stack, index)
		if err != nil {
			return index, err
		}
		if dep.tmpl != nil && dep.status == ModuleLinking {
			m.dfsAncestorIndex = min(m.dfsAncestorIndex, dep.dfsAncestorIndex)
		}
	}
	if err := it.initializeEnvironment(m); err != nil {
		return index, err
	}
	if m.dfsAncestorIndex == m.dfsIndex {
		for {
			s := *stack
			v := s[len(s)-1]
			*stack = s[:len(s)-1]
			v.status = ModuleLinked
			if v == m {
				break
			}
		}
	}
	return index, nil
}

// resolvedBinding is a ResolvedBinding Record: a slot of a module's
// context, or the module's namespace.
type resolvedBinding struct {
	module    *Module
	slot      int
	namespace bool
}

type resolveKind uint8

const (
	resolveNone resolveKind = iota
	resolveFound
	resolveAmbiguous
)

type resolveSetEntry struct {
	m    *Module
	name string
}

// ResolveExport (16.2.1.6.3).
func (m *Module) resolveExport(name string, set *[]resolveSetEntry) (resolvedBinding, resolveKind) {
	if m.tmpl == nil {
		for i, n := range m.synthNames {
			if n == name {
				return resolvedBinding{module: m, slot: i + 1}, resolveFound
			}
		}
		return resolvedBinding{}, resolveNone
	}
	for _, e := range *set {
		if e.m == m && e.name == name {
			return resolvedBinding{}, resolveNone // a circular import request
		}
	}
	*set = append(*set, resolveSetEntry{m, name})
	t := m.tmpl
	for _, e := range t.LocalExports {
		if e.ExportName == name {
			return resolvedBinding{module: m, slot: e.Slot}, resolveFound
		}
	}
	for _, e := range t.IndirectExports {
		if e.ExportName == name {
			dep := m.loaded[e.Request]
			if dep == nil {
				return resolvedBinding{}, resolveNone
			}
			if e.Namespace {
				return resolvedBinding{module: dep, namespace: true}, resolveFound
			}
			return dep.resolveExport(e.ImportName, set)
		}
	}
	if name == "default" {
		return resolvedBinding{}, resolveNone
	}
	var star resolvedBinding
	found := false
	for _, req := range t.StarExports {
		dep := m.loaded[req]
		if dep == nil {
			continue
		}
		b, k := dep.resolveExport(name, set)
		switch k {
		case resolveAmbiguous:
			return b, k
		case resolveFound:
			if !found {
				star, found = b, true
				continue
			}
			if b.module != star.module || b.namespace != star.namespace || b.slot != star.slot {
				return resolvedBinding{}, resolveAmbiguous
			}
		}
	}
	if found {
		return star, resolveFound
	}
	return resolvedBinding{}, resolveNone
}

// exportedNames is GetExportedNames (16.2.1.6.2).
func (m *Module) exportedNames(seen map[*Module]bool) []string {
	if m.tmpl == nil {
		return append([]string(nil), m.synthNames...)
	}
	if seen[m] {
		return nil
	}
	seen[m] = true
	var names []string
	has := map[string]bool{}
	add := func(n string) {
		if !has[n] {
			has[n] = true
			names = append(names, n)
		}
	}
	for _, e := range m.tmpl.LocalExports {
		add(e.ExportName)
	}
	for _, e := range m.tmpl.IndirectExports {
		add(e.ExportName)
	}
	for _, req := range m.tmpl.StarExports {
		if dep := m.loaded[req]; dep != nil {
			for _, n := range dep.exportedNames(seen) {
				if n != "default" {
					add(n)
				}
			}
		}
	}
	return names
}

func (it *Interp) syntaxError(msg string) error { return it.throwError(SyntaxError, msg) }

// initializeEnvironment binds m's imports and creates its hoisted
// functions (16.2.1.7.3.1).
func (it *Interp) initializeEnvironment(m *Module) error {
	t := m.tmpl
	for _, e := range t.IndirectExports {
		var set []resolveSetEntry
		if _, k := m.resolveExport(e.ExportName, &set); k != resolveFound {
			return it.resolveError(m, e.ExportName, k, m.tmpl.Requests[e.Request].Specifier)
		}
	}
	for _, e := range t.Imports {
		dep := m.loaded[e.Request]
		if e.Namespace {
			m.ctx.slots[e.Slot] = ObjValue(it.ModuleNamespace(dep))
			continue
		}
		var set []resolveSetEntry
		b, k := dep.resolveExport(e.ImportName, &set)
		if k != resolveFound {
			return it.resolveError(m, e.ImportName, k, t.Requests[e.Request].Specifier)
		}
		if b.namespace {
			cell := &Context{slots: []Value{ObjValue(it.ModuleNamespace(b.module))}}
			m.ctx.slots[e.Slot] = importRef(cell, 0)
			continue
		}
		m.ctx.slots[e.Slot] = importRef(b.module.ctx, b.slot)
	}
	_, err := it.runModuleCode(m, t.Init)
	return err
}

func (it *Interp) resolveError(m *Module, name string, k resolveKind, from string) error {
	if k == resolveAmbiguous {
		return it.syntaxError("The requested module '" + from + "' contains conflicting star exports for name '" + name + "'")
	}
	return it.syntaxError("The requested module '" + from + "' does not provide an export named '" + name + "'")
}

// importRef is the indirect reference an import's slot holds: the
// exporting module's context and the slot there.
func importRef(c *Context, slot int) Value {
	return Value{kind: kindContext, ptr: unsafe.Pointer(c), num: float64(slot)}
}

// loadImport reads through an import's reference; Hole means the
// exporter's binding is not initialized yet.
func loadImport(ref Value) Value {
	if ref.kind != kindContext {
		return Hole // not linked: cannot happen once linking succeeded
	}
	return ref.context().slots[int(ref.num)]
}

// runModuleCode runs a module template (Init or a synchronous Body)
// with the module context, returning its result.
func (it *Interp) runModuleCode(m *Module, t *bytecode.FunctionTemplate) (Value, error) {
	fn := &Function{tmpl: t, realm: m.Realm, ctx: m.ctx}
	obj := newObjectClass(m.Realm.FunctionPrototype, ClassFunction)
	obj.fn = fn
	prev := it.realm
	it.realm = m.Realm
	defer func() { it.realm = prev }()
	if t.Flags&bytecode.FlagAsync != 0 {
		return it.startGenerator(obj, fn, Undefined, nil)
	}
	fr := it.newFrame(obj, fn, Undefined, nil, nil)
	fr.entry = true
	return it.reenter(fr)
}

// ModuleNamespace is GetModuleNamespace (16.2.1.10).
func (it *Interp) ModuleNamespace(m *Module) *Object {
	if m.namespace != nil {
		return m.namespace
	}
	var names []string
	var bindings []resolvedBinding
	for _, n := range m.exportedNames(map[*Module]bool{}) {
		var set []resolveSetEntry
		if b, k := m.resolveExport(n, &set); k == resolveFound {
			names = append(names, n)
			bindings = append(bindings, b)
		}
	}
	idx := make([]int, len(names))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return lessUTF16(names[idx[a]], names[idx[b]]) })
	ns := &namespaceData{module: m, index: map[string]int{}}
	for _, i := range idx {
		ns.index[names[i]] = len(ns.names)
		ns.names = append(ns.names, names[i])
		ns.bindings = append(ns.bindings, bindings[i])
	}
	o := newObjectClass(nil, ClassModuleNamespace)
	o.internal = ns
	o.defineOwn(SymKey(it.SymToStringTag), Str("Module"), 0)
	o.flags &^= flagExtensible
	o.flags |= flagSlowElements // export names that are indexes go through getOwn too
	m.namespace = o
	it.prepareNamespace(o)
	return o
}

// lessUTF16 orders strings by UTF-16 code units, as Array.prototype.sort
// without a comparator would.
func lessUTF16(a, b string) bool {
	ua, ub := utf16.Encode([]rune(a)), utf16.Encode([]rune(b))
	for i := 0; i < len(ua) && i < len(ub); i++ {
		if ua[i] != ub[i] {
			return ua[i] < ub[i]
		}
	}
	return len(ua) < len(ub)
}

// Evaluate evaluates m's graph (16.2.1.5.3) and returns a promise that
// settles when it is done. The error is an uncatchable one (Interrupted,
// an internal error), which leaves the promise pending.
func (it *Interp) Evaluate(m *Module) (*Object, error) {
	if (m.status == ModuleEvaluatingAsync || m.status == ModuleEvaluated) && m.cycleRoot != nil {
		m = m.cycleRoot
	}
	if m.topLevel != nil {
		return m.topLevel, nil
	}
	p := m.Realm.newPromise()
	m.topLevel = p
	var stack []*Module
	err := it.guard(func() error {
		_, err := it.innerModuleEvaluation(m, &stack, 0)
		return err
	})
	if err != nil {
		if _, ok := err.(*Exception); !ok {
			// Uncatchable (interrupt, internal error): nothing settles.
			return p, err
		}
		v := exceptionValue(err)
		for _, s := range stack {
			s.status = ModuleEvaluated
			s.evalError = &v
		}
		if m.evalError == nil {
			m.status = ModuleEvaluated
			m.evalError = &v
		}
		it.rejectPromise(p, v)
		return p, nil
	}
	if m.asyncOrder <= 0 {
		it.resolvePromise(p, Undefined)
	}
	return p, nil
}

func (it *Interp) innerModuleEvaluation(m *Module, stack *[]*Module, index int) (int, error) {
	if m.tmpl == nil {
		if m.evalError != nil {
			return index, it.Throw(*m.evalError)
		}
		return index, nil
	}
	switch m.status {
	case ModuleEvaluatingAsync, ModuleEvaluated:
		if m.evalError != nil {
			return index, it.Throw(*m.evalError)
		}
		return index, nil
	case ModuleEvaluating:
		return index, nil
	case ModuleLinked:
	default:
		return index, it.typeError("module " + m.Key + " cannot be evaluated in state " + m.status.String())
	}
	m.status = ModuleEvaluating
	m.dfsIndex, m.dfsAncestorIndex = index, index
	m.pendingAsync = 0
	index++
	*stack = append(*stack, m)
	for _, dep := range m.loaded {
		var err error
		index, err = it.innerModuleEvaluation(dep, stack, index)
		if err != nil {
			return index, err
		}
		if dep.tmpl == nil {
			continue
		}
		if dep.status == ModuleEvaluating {
			m.dfsAncestorIndex = min(m.dfsAncestorIndex, dep.dfsAncestorIndex)
		} else {
			dep = dep.cycleRoot
			if dep.evalError != nil {
				return index, it.Throw(*dep.evalError)
			}
		}
		if dep.asyncOrder > 0 {
			m.pendingAsync++
			dep.asyncParents = append(dep.asyncParents, m)
		}
	}
	if m.pendingAsync > 0 || m.hasTLA {
		it.asyncCounter++
		m.asyncOrder = it.asyncCounter
		if m.pendingAsync == 0 {
			if err := it.executeAsyncModule(m); err != nil {
				return index, err
			}
		}
	} else if _, err := it.runModuleCode(m, m.tmpl.Body); err != nil {
		return index, err
	}
	if m.dfsAncestorIndex == m.dfsIndex {
		for {
			s := *stack
			v := s[len(s)-1]
			*stack = s[:len(s)-1]
			if v.asyncOrder <= 0 {
				v.status = ModuleEvaluated
			} else {
				v.status = ModuleEvaluatingAsync
			}
			v.cycleRoot = m
			if v == m {
				break
			}
		}
	}
	return index, nil
}

// executeAsyncModule runs a module with top-level await (16.2.1.5.3.2).
// Only uncatchable errors come back: async bodies turn throws into
// rejections.
func (it *Interp) executeAsyncModule(m *Module) error {
	p, err := it.runModuleCode(m, m.tmpl.Body)
	if err != nil {
		return err
	}
	it.performThen(p.Obj(),
		func(Value) (Value, error) { return Undefined, it.asyncModuleFulfilled(m) },
		func(e Value) (Value, error) { it.asyncModuleRejected(m, e); return Undefined, nil })
	return nil
}

// gatherAvailableAncestors (16.2.1.5.3.3).
func gatherAvailableAncestors(m *Module, exec *[]*Module, in map[*Module]bool) {
	for _, p := range m.asyncParents {
		if in[p] || p.cycleRoot != nil && p.cycleRoot.evalError != nil {
			continue
		}
		p.pendingAsync--
		if p.pendingAsync == 0 {
			in[p] = true
			*exec = append(*exec, p)
			if !p.hasTLA {
				gatherAvailableAncestors(p, exec, in)
			}
		}
	}
}

// asyncModuleFulfilled is AsyncModuleExecutionFulfilled (16.2.1.5.3.4).
func (it *Interp) asyncModuleFulfilled(m *Module) error {
	if m.status == ModuleEvaluated {
		return nil
	}
	m.asyncOrder = -1
	m.status = ModuleEvaluated
	if m.topLevel != nil {
		it.resolvePromise(m.topLevel, Undefined)
	}
	var exec []*Module
	gatherAvailableAncestors(m, &exec, map[*Module]bool{})
	sort.SliceStable(exec, func(a, b int) bool { return exec[a].asyncOrder < exec[b].asyncOrder })
	for _, p := range exec {
		switch {
		case p.status == ModuleEvaluated:
		case p.hasTLA:
			if err := it.executeAsyncModule(p); err != nil {
				return err
			}
		default:
			if _, err := it.runModuleCode(p, p.tmpl.Body); err != nil {
				if _, ok := err.(*Exception); !ok {
					return err
				}
				it.asyncModuleRejected(p, exceptionValue(err))
				continue
			}
			p.asyncOrder = -1
			p.status = ModuleEvaluated
			if p.topLevel != nil {
				it.resolvePromise(p.topLevel, Undefined)
			}
		}
	}
	return nil
}

// asyncModuleRejected is AsyncModuleExecutionRejected (16.2.1.5.3.5).
func (it *Interp) asyncModuleRejected(m *Module, e Value) {
	if m.status == ModuleEvaluated {
		return
	}
	m.evalError = &e
	m.status = ModuleEvaluated
	m.asyncOrder = -1
	for _, p := range m.asyncParents {
		it.asyncModuleRejected(p, e)
	}
	if m.topLevel != nil {
		it.rejectPromise(m.topLevel, e)
	}
}

// importMeta returns m's import.meta object, made on first use with the
// host's properties (16.2.1.11 HostGetImportMetaProperties).
func (it *Interp) importMeta(v Value) (Value, error) {
	if v.kind != kindModule {
		return Undefined, it.syntaxError("import.meta outside a module")
	}
	m := (*Module)(v.ptr)
	if m.meta != nil {
		return ObjValue(m.meta), nil
	}
	o := newObjectClass(nil, ClassObject)
	m.meta = o
	if it.HostImportMetaProperties != nil {
		for _, p := range it.HostImportMetaProperties(m) {
			if err := it.createDataProperty(o, StrKey(p.Key), p.Value); err != nil {
				return Undefined, err
			}
		}
	}
	return ObjValue(o), nil
}

// MetaProperty is one property the host gives import.meta.
type MetaProperty struct {
	Key   string
	Value Value
}

// activeScriptName names the script or module of the running code, the
// referrer of import(): code from eval or Function belongs to the code
// that called them.
func (it *Interp) activeScriptName() string {
	for i := len(it.frames) - 1; i >= 0; i-- {
		if f := it.frames[i].tmpl.File; f != "eval" && f != "anonymous" || i == 0 {
			return f
		}
	}
	return ""
}

// dynamicImport is EvaluateImportCall (13.3.10.1) once its operands are
// evaluated: it returns a promise of the namespace of the module that
// specifier names from referrer, rejected on any failure.
func (it *Interp) dynamicImport(r *Realm, referrer string, specifier, options Value) Value {
	p := r.newPromise()
	reject := func(err error) Value {
		if _, ok := err.(*Exception); !ok {
			return ObjValue(p) // uncatchable: leave it pending
		}
		it.rejectPromise(p, exceptionValue(err))
		return ObjValue(p)
	}
	s, err := it.ToString(specifier)
	if err != nil {
		return reject(err)
	}
	req := bytecode.ModuleRequest{Specifier: s.String()}
	if options.kind != KindUndefined {
		o := options.Obj()
		if o == nil {
			return reject(it.typeError("The second argument of import() must be an object"))
		}
		with, err := it.getStr(o, "with")
		if err != nil {
			return reject(err)
		}
		if with.kind != KindUndefined {
			wo := with.Obj()
			if wo == nil {
				return reject(it.typeError("The 'with' option of import() must be an object"))
			}
			for _, k := range wo.ownKeys(false) {
				if p, ok := wo.getOwn(k); !ok || p.attr&Enumerable == 0 {
					continue
				}
				v, err := it.get(wo, k, with)
				if err != nil {
					return reject(err)
				}
				if v.kind != KindString {
					return reject(it.typeError("Import attribute values must be strings"))
				}
				req.Attributes = append(req.Attributes, bytecode.ImportAttribute{Key: k.s, Value: v.Strv().String()})
			}
			if err := it.checkAttributes(req); err != nil {
				return reject(err)
			}
			sort.Slice(req.Attributes, func(i, j int) bool { return req.Attributes[i].Key < req.Attributes[j].Key })
		}
	}
	it.loadImported(r, referrer, req, func(m *Module, err error) {
		if err != nil {
			reject(err)
			return
		}
		it.continueDynamicImport(p, m)
	})
	return ObjValue(p)
}

// continueDynamicImport (16.2.1.9): load the graph, link it, evaluate it
// and resolve p with the namespace.
func (it *Interp) continueDynamicImport(p *Object, m *Module) {
	load := it.LoadRequestedModules(m)
	it.performThen(load,
		func(Value) (Value, error) {
			if err := it.Link(m); err != nil {
				if _, ok := err.(*Exception); !ok {
					return Undefined, err
				}
				it.rejectPromise(p, exceptionValue(err))
				return Undefined, nil
			}
			ev, err := it.Evaluate(m)
			if err != nil {
				return Undefined, err
			}
			it.performThen(ev,
				func(Value) (Value, error) {
					it.resolvePromise(p, ObjValue(it.ModuleNamespace(m)))
					return Undefined, nil
				},
				func(e Value) (Value, error) { it.rejectPromise(p, e); return Undefined, nil })
			return Undefined, nil
		},
		func(e Value) (Value, error) { it.rejectPromise(p, e); return Undefined, nil })
}

// ImportModule loads m's graph, links and evaluates it, as import() does
// once it has the module: the promise resolves to m's namespace.
func (it *Interp) ImportModule(m *Module) *Object {
	p := m.Realm.newPromise()
	it.continueDynamicImport(p, m)
	return p
}

// DynamicImport is import(specifier) run by the host on behalf of
// referrer (a module key or script name).
func (it *Interp) DynamicImport(r *Realm, referrer string, specifier Value) Value {
	return it.dynamicImport(r, referrer, specifier, Undefined)
}

// PromiseState is the state of a promise for embedders: 0 pending, 1
// fulfilled, 2 rejected, with its result. Asking marks the promise as
// handled. ok is false when v is not a promise.
func PromiseState(v Value) (state int, result Value, ok bool) {
	st := promiseOf(v.Obj())
	if st == nil {
		return 0, Undefined, false
	}
	st.handled = true
	return int(st.state), st.result, true
}

// ParseJSON parses JSON text in realm r (ParseJSON, for JSON modules).
func (it *Interp) ParseJSON(r *Realm, text string) (Value, error) {
	var v Value
	err := it.guard(func() error {
		prev := it.realm
		it.realm = r
		defer func() { it.realm = prev }()
		p := &jsonParser{it: it, r: r, s: NewString(text).Units()}
		p.ws()
		var err error
		v, err = p.value()
		if err != nil {
			return err
		}
		p.ws()
		if p.i < len(p.s) {
			return p.fail()
		}
		return nil
	})
	return v, err
}
