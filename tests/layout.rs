//! The layout's rules, read from the source itself: every module imports only
//! the layers beneath its own, sibling modules form no circle, no command
//! calls another, and files and functions stay short enough to hold one idea.
//!
//! The modules are found as rustc finds them (from `src/lib.rs`, following
//! `mod` declarations and `#[path]`), and a module's references are every
//! `use` tree and every path that starts with `crate`, `super` or `self`,
//! in code, macros and attributes alike (an error message's `crate::i18n::f`
//! counts). A reference goes to the longest module prefix of its path.

use proc_macro2::TokenTree;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use syn::visit::Visit;

/// The layers, lowest first. A module may use its own area and any area of a
/// lower rank; a module's area is the longest prefix listed here. The two
/// halves share the plumbing (ranks 0–2); the evidence half's pilot may use
/// the forecast's model (rank 3–5), never the other way round; the
/// renderers draw what either half made; the command line sits on top.
const LAYERS: &[(&str, u8)] = &[
    ("i18n", 0),
    ("stdio", 0),
    ("format", 1),
    ("input", 2),
    ("output", 2),
    ("forecast::engine", 3),
    ("forecast::scenario", 4),
    ("evidence::measure", 4),
    ("evidence::stats", 4),
    ("forecast", 5),
    ("evidence", 6),
    ("render", 7),
    ("cli", 8),
    ("commands", 9),
    ("", 10),
];

/// Longest a file under `src/` may be.
const MAX_FILE_LINES: usize = 700;

/// Longest a function may be, unless it is one flat table of cases.
const MAX_FN_LINES: usize = 80;

/// Functions longer than [`MAX_FN_LINES`] that are one flat table of cases
/// (a `match` from each English message to its Russian), by module and name.
const FLAT_TABLES: &[(&str, &str)] = &[
    ("i18n::ru_messages", "get"),
    ("i18n::ru_measure", "get"),
    ("i18n::ru_forecast", "get"),
    ("i18n::ru_pilot", "get"),
    ("i18n::ru_tables", "get"),
    ("i18n::ru_switchback", "get"),
];

/// A module: where its items are, what it references.
#[derive(Default)]
struct Module {
    /// The file that holds it (an inline module shares its parent's).
    file: PathBuf,
    /// Whether it is compiled only for tests.
    test_only: bool,
    /// Every path it refers to, absolute, without the leading `crate`.
    refs: BTreeSet<Vec<String>>,
}

/// Every module of the crate, by path (`forecast::scenario::draft`).
struct Crate {
    modules: BTreeMap<String, Module>,
    /// Functions over [`MAX_FN_LINES`]: (module, name, lines, file, line).
    long_fns: Vec<(String, String, usize, PathBuf, usize)>,
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn join(path: &[String]) -> String {
    path.join("::")
}

impl Crate {
    fn read() -> Crate {
        let mut krate = Crate {
            modules: BTreeMap::new(),
            long_fns: Vec::new(),
        };
        let lib = src().join("lib.rs");
        krate.file(&lib, &src(), Vec::new(), false);
        krate
    }

    /// Reads the file of module `path`; `dir` is where its `mod x;` files are.
    fn file(&mut self, file: &Path, dir: &Path, path: Vec<String>, test_only: bool) {
        let text = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{file:?}: {e}"));
        let syntax = syn::parse_file(&text).unwrap_or_else(|e| panic!("{file:?}: {e}"));
        self.items(&syntax.items, file, dir, path, test_only);
    }

    /// Walks one module's items: its references, its long functions and its submodules.
    fn items(
        &mut self,
        items: &[syn::Item],
        file: &Path,
        dir: &Path,
        path: Vec<String>,
        test_only: bool,
    ) {
        let children: BTreeSet<String> = items
            .iter()
            .filter_map(|i| match i {
                syn::Item::Mod(m) => Some(m.ident.to_string()),
                _ => None,
            })
            .collect();
        let mut refs = Refs {
            module: &path,
            children: &children,
            out: BTreeSet::new(),
            fns: Vec::new(),
        };
        for item in items {
            if !matches!(item, syn::Item::Mod(_)) {
                refs.visit_item(item);
            }
        }
        let key = join(&path);
        for (name, lines, line) in refs.fns {
            if lines > MAX_FN_LINES && !test_only {
                self.long_fns
                    .push((key.clone(), name, lines, file.to_path_buf(), line));
            }
        }
        let module = self.modules.entry(key).or_default();
        module.file = file.to_path_buf();
        module.test_only = test_only;
        module.refs.extend(refs.out);
        for item in items {
            let syn::Item::Mod(m) = item else { continue };
            let mut child = path.clone();
            child.push(m.ident.to_string());
            let test_only = test_only || is_cfg_test(&m.attrs);
            match &m.content {
                Some((_, inner)) => {
                    let inner_dir = dir.join(m.ident.to_string());
                    self.items(inner, file, &inner_dir, child, test_only);
                }
                None => {
                    let name = m.ident.to_string();
                    let target = match path_attr(&m.attrs) {
                        Some(p) => file.parent().expect("a file has a folder").join(p),
                        None if dir.join(format!("{name}.rs")).exists() => {
                            dir.join(format!("{name}.rs"))
                        }
                        None => dir.join(&name).join("mod.rs"),
                    };
                    let owns_dir =
                        matches!(target.file_name().and_then(|n| n.to_str()), Some("mod.rs"));
                    let child_dir = if owns_dir {
                        target.parent().expect("a file has a folder").to_path_buf()
                    } else {
                        target.with_extension("")
                    };
                    self.file(&target, &child_dir, child, test_only);
                }
            }
        }
    }

    /// The module a reference lands in: its longest prefix that is a module.
    fn target(&self, path: &[String]) -> Option<String> {
        (0..=path.len())
            .rev()
            .map(|n| join(&path[..n]))
            .find(|p| self.modules.contains_key(p))
    }

    /// Module-to-module edges, each with the reference that makes it.
    fn edges(&self) -> Vec<(String, String, String)> {
        let mut out = Vec::new();
        for (from, module) in &self.modules {
            for r in &module.refs {
                if let Some(to) = self.target(r)
                    && &to != from
                {
                    out.push((from.clone(), to, join(r)));
                }
            }
        }
        out
    }
}

fn is_cfg_test(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("cfg")
            && a.meta
                .require_list()
                .is_ok_and(|l| l.tokens.to_string() == "test")
    })
}

fn path_attr(attrs: &[syn::Attribute]) -> Option<String> {
    attrs.iter().find_map(|a| {
        let syn::Meta::NameValue(nv) = &a.meta else {
            return None;
        };
        if !nv.path.is_ident("path") {
            return None;
        }
        match &nv.value {
            syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(s),
                ..
            }) => Some(s.value()),
            _ => None,
        }
    })
}

/// Collects one module's references and the lengths of its functions.
struct Refs<'a> {
    module: &'a [String],
    children: &'a BTreeSet<String>,
    out: BTreeSet<Vec<String>>,
    /// (name, lines, first line) of every function.
    fns: Vec<(String, usize, usize)>,
}

impl Refs<'_> {
    /// Makes `segments` absolute: `crate::a` → `a`, `super::b` → the parent's
    /// `b`, `self::c` or a child module's name → this module's `c`; `None`
    /// for another crate's path (`std::…`, `serde::…`).
    fn absolute(&self, segments: &[String]) -> Option<Vec<String>> {
        let mut base: Vec<String> = self.module.to_vec();
        let mut rest = segments;
        match rest.first().map(String::as_str) {
            Some("crate") => {
                base.clear();
                rest = &rest[1..];
            }
            Some("self") => rest = &rest[1..],
            Some("super") => {
                while rest.first().map(String::as_str) == Some("super") {
                    base.pop()?;
                    rest = &rest[1..];
                }
            }
            Some(first) if self.children.contains(first) => {}
            _ => return None,
        }
        base.extend(rest.iter().cloned());
        Some(base)
    }

    fn add(&mut self, segments: &[String]) {
        if let Some(path) = self.absolute(segments) {
            self.out.insert(path);
        }
    }

    /// Every `crate::…`, `super::…` and `self::…` path in a token stream.
    fn tokens(&mut self, tokens: proc_macro2::TokenStream) {
        let mut current: Vec<String> = Vec::new();
        let mut after_colons = false;
        let mut colon = 0;
        let flush = |current: &mut Vec<String>, this: &mut Self| {
            if current.len() > 1 {
                this.add(current);
            }
            current.clear();
        };
        for tt in tokens {
            match tt {
                TokenTree::Ident(ident) => {
                    let name = ident.to_string();
                    if after_colons && !current.is_empty() {
                        current.push(name);
                    } else {
                        flush(&mut current, self);
                        if matches!(name.as_str(), "crate" | "super" | "self") {
                            current.push(name);
                        }
                    }
                    after_colons = false;
                    colon = 0;
                }
                TokenTree::Punct(p) if p.as_char() == ':' => {
                    colon += 1;
                    if colon == 2 {
                        after_colons = true;
                        colon = 0;
                    }
                }
                TokenTree::Group(g) => {
                    flush(&mut current, self);
                    after_colons = false;
                    colon = 0;
                    self.tokens(g.stream());
                }
                _ => {
                    flush(&mut current, self);
                    after_colons = false;
                    colon = 0;
                }
            }
        }
        flush(&mut current, self);
    }

    fn use_tree(&mut self, prefix: &mut Vec<String>, tree: &syn::UseTree) {
        match tree {
            syn::UseTree::Path(p) => {
                prefix.push(p.ident.to_string());
                self.use_tree(prefix, &p.tree);
                prefix.pop();
            }
            syn::UseTree::Name(n) => {
                let mut full = prefix.clone();
                if n.ident != "self" {
                    full.push(n.ident.to_string());
                }
                self.add(&full);
            }
            syn::UseTree::Rename(r) => {
                let mut full = prefix.clone();
                full.push(r.ident.to_string());
                self.add(&full);
            }
            syn::UseTree::Glob(_) => {
                let full = prefix.clone();
                self.add(&full);
            }
            syn::UseTree::Group(g) => {
                for t in &g.items {
                    self.use_tree(prefix, t);
                }
            }
        }
    }

    /// Counts a function from `fn` to its closing brace: its comments and
    /// attributes are not its length.
    fn function(&mut self, sig: &syn::Signature, block: &syn::Block) {
        let start = sig.fn_token.span.start().line;
        let end = block.brace_token.span.close().end().line;
        self.fns
            .push((sig.ident.to_string(), end + 1 - start, start));
    }
}

impl<'ast> Visit<'ast> for Refs<'_> {
    fn visit_item_use(&mut self, u: &'ast syn::ItemUse) {
        self.use_tree(&mut Vec::new(), &u.tree);
    }

    fn visit_path(&mut self, p: &'ast syn::Path) {
        let segments: Vec<String> = p.segments.iter().map(|s| s.ident.to_string()).collect();
        if segments.len() > 1 {
            self.add(&segments);
        }
        syn::visit::visit_path(self, p);
    }

    fn visit_macro(&mut self, m: &'ast syn::Macro) {
        self.tokens(m.tokens.clone());
        syn::visit::visit_macro(self, m);
    }

    fn visit_attribute(&mut self, a: &'ast syn::Attribute) {
        if let syn::Meta::List(list) = &a.meta {
            self.tokens(list.tokens.clone());
        }
    }

    fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
        let test = f.attrs.iter().any(|a| a.path().is_ident("test"));
        if !test {
            self.function(&f.sig, &f.block);
        }
        syn::visit::visit_item_fn(self, f);
    }

    fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
        self.function(&f.sig, &f.block);
        syn::visit::visit_impl_item_fn(self, f);
    }

    fn visit_trait_item_fn(&mut self, f: &'ast syn::TraitItemFn) {
        if let Some(block) = &f.default {
            self.function(&f.sig, block);
        }
        syn::visit::visit_trait_item_fn(self, f);
    }
}

/// A module's layer: the rank of the longest listed prefix of its path.
fn layer(module: &str) -> (&'static str, u8) {
    LAYERS
        .iter()
        .filter(|(prefix, _)| {
            prefix.is_empty() || module == *prefix || module.starts_with(&format!("{prefix}::"))
        })
        .max_by_key(|(prefix, _)| prefix.len())
        .map(|&(prefix, rank)| (prefix, rank))
        .expect("the empty prefix matches every module")
}

fn is_within(module: &str, ancestor: &str) -> bool {
    ancestor.is_empty() || module == ancestor || module.starts_with(&format!("{ancestor}::"))
}

#[test]
fn the_crate_is_read_whole() {
    let krate = Crate::read();
    // A sample from each layer: if the walk lost a folder, these would go.
    for m in [
        "cli",
        "commands::pilot",
        "evidence::measure::read",
        "evidence::stats",
        "forecast::engine::tables::tests",
        "forecast::scenario::draft::tables",
        "input::problem",
        "render::fit",
    ] {
        assert!(krate.modules.contains_key(m), "{m} not found");
    }
    assert!(krate.modules.len() > 100, "{} modules", krate.modules.len());
    let edges = krate.edges();
    // The references are found in code, macros and attributes.
    for (from, to) in [
        ("commands::pilot", "evidence::exports"),
        ("input", "i18n"),
        ("forecast::scenario::resolve", "forecast::scenario::draft"),
    ] {
        assert!(
            edges.iter().any(|(f, t, _)| f == from && t == to),
            "{from} → {to} not seen"
        );
    }
}

#[test]
fn no_module_imports_a_layer_above_its_own() {
    let krate = Crate::read();
    let mut wrong = BTreeSet::new();
    for (from, to, via) in krate.edges() {
        // A module may use its ancestors (`super::…`): they are the room it is in.
        if is_within(&from, &to) {
            continue;
        }
        let ((area_from, rank_from), (area_to, rank_to)) = (layer(&from), layer(&to));
        if area_from != area_to && rank_to >= rank_from {
            wrong.insert(format!(
                "{from} ({area_from}, layer {rank_from}) uses {via} ({area_to}, layer {rank_to})"
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the flow:\n{}",
        wrong.into_iter().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn sibling_modules_form_no_circle() {
    let krate = Crate::read();
    // Edges between the children of each module, by the subtrees they head.
    let mut graphs: BTreeMap<String, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    for (from, to, _) in krate.edges() {
        let (f, t): (Vec<&str>, Vec<&str>) = (from.split("::").collect(), to.split("::").collect());
        let common = f.iter().zip(&t).take_while(|(a, b)| a == b).count();
        // One is inside the other: a module and its own parts.
        if common == f.len() || common == t.len() {
            continue;
        }
        let parent = f[..common].join("::");
        graphs
            .entry(parent)
            .or_default()
            .entry(f[common].to_string())
            .or_default()
            .insert(t[common].to_string());
    }
    let mut circles = Vec::new();
    for (parent, graph) in &graphs {
        for start in graph.keys() {
            if let Some(path) = path_back(graph, start) {
                circles.push(format!("in {parent:?}: {}", path.join(" → ")));
            }
        }
    }
    assert!(
        circles.is_empty(),
        "import circles:\n{}",
        circles.join("\n")
    );
}

/// A path from `start` back to itself, if any (depth first).
fn path_back(graph: &BTreeMap<String, BTreeSet<String>>, start: &str) -> Option<Vec<String>> {
    let mut stack = vec![(start.to_string(), vec![start.to_string()])];
    let mut seen = BTreeSet::new();
    while let Some((node, path)) = stack.pop() {
        for next in graph.get(&node).into_iter().flatten() {
            if next == start {
                let mut circle = path.clone();
                circle.push(next.clone());
                return Some(circle);
            }
            if seen.insert(next.clone()) {
                let mut longer = path.clone();
                longer.push(next.clone());
                stack.push((next.clone(), longer));
            }
        }
    }
    None
}

/// The command a module belongs to: `commands::pilot::tests` → `pilot`.
fn command(module: &str) -> Option<&str> {
    module.strip_prefix("commands::")?.split("::").next()
}

#[test]
fn commands_do_not_call_commands() {
    let krate = Crate::read();
    let wrong: Vec<String> = krate
        .edges()
        .into_iter()
        .filter(
            |(from, to, _)| matches!((command(from), command(to)), (Some(a), Some(b)) if a != b),
        )
        .map(|(from, _, via)| format!("{from} uses {via}"))
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn no_file_is_over_the_limit() {
    let krate = Crate::read();
    let files: BTreeSet<&PathBuf> = krate.modules.values().map(|m| &m.file).collect();
    let long: Vec<String> = files
        .into_iter()
        .filter_map(|f| {
            let lines = std::fs::read_to_string(f).ok()?.lines().count();
            (lines > MAX_FILE_LINES).then(|| format!("{} has {lines} lines", f.display()))
        })
        .collect();
    assert!(
        long.is_empty(),
        "over {MAX_FILE_LINES} lines:\n{}",
        long.join("\n")
    );
}

#[test]
fn no_function_is_over_the_limit_but_flat_tables() {
    let krate = Crate::read();
    let long: Vec<String> = krate
        .long_fns
        .iter()
        .filter(|(module, name, ..)| !FLAT_TABLES.contains(&(module.as_str(), name.as_str())))
        .map(|(module, name, lines, file, line)| {
            format!(
                "{module}::{name} ({}:{line}): {lines} lines",
                file.display()
            )
        })
        .collect();
    assert!(
        long.is_empty(),
        "over {MAX_FN_LINES} lines:\n{}",
        long.join("\n")
    );
    // The list names only functions that are still long.
    for (module, name) in FLAT_TABLES {
        assert!(
            krate
                .long_fns
                .iter()
                .any(|(m, n, ..)| m == module && n == name),
            "{module}::{name} is short now; take it off FLAT_TABLES"
        );
    }
}
