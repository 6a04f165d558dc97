//! `geolint lsp`: a language server over stdio (synchronous, on `lsp-server`).
//!
//! - diagnostics on open, change and save of Markdown, MDX and HTML files, with the spans of the
//!   CLI turned into UTF-16 positions;
//! - code actions: each finding's fix as a quick fix, and "fix all safe findings" as
//!   `source.fixAll.geolint`;
//! - hover on a finding: its message, help and the rule's documentation;
//! - site-wide findings (broken internal links, …) recomputed over the whole workspace after
//!   every change, from the open buffers and the files on disk (kept current through
//!   `workspace/didChangeWatchedFiles` when the client supports it).

pub mod position;
pub mod workspace;

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument,
    DidSaveTextDocument, Notification as _, PublishDiagnostics, ShowMessage,
};
use lsp_types::request::{CodeActionRequest, HoverRequest, RegisterCapability, Request as _};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOptions, CodeActionOrCommand, CodeActionParams,
    CodeActionProviderCapability, DiagnosticSeverity, DidChangeTextDocumentParams,
    DidChangeWatchedFilesParams, DidChangeWatchedFilesRegistrationOptions,
    DidCloseTextDocumentParams, DidOpenTextDocumentParams, DidSaveTextDocumentParams,
    FileSystemWatcher, GlobPattern, Hover, HoverContents, HoverParams, HoverProviderCapability,
    InitializeParams, MarkupContent, MarkupKind, MessageType, NumberOrString,
    PublishDiagnosticsParams, Registration, RegistrationParams, SaveOptions, ServerCapabilities,
    ServerInfo, ShowMessageParams, TextDocumentSyncCapability, TextDocumentSyncKind,
    TextDocumentSyncOptions, TextDocumentSyncSaveOptions, TextEdit, Uri, WorkspaceEdit,
};

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Level};
use crate::document::Format;
use crate::fix::{self, Applicability, Safety};
use crate::span::{LineIndex, Span};
use workspace::{OpenDoc, Workspace};

/// Why the server stopped.
#[derive(Debug, thiserror::Error)]
pub enum LspError {
    #[error("language server protocol error: {0}")]
    Protocol(#[from] lsp_server::ProtocolError),
    #[error("invalid initialize parameters: {0}")]
    Init(#[from] serde_json::Error),
    #[error("i/o thread failed: {0}")]
    Io(#[from] std::io::Error),
    #[error("the client went away")]
    Disconnected,
}

/// The code-action kind of "fix all safe findings".
pub const FIX_ALL: &str = "source.fixAll.geolint";

/// Serve LSP on stdin/stdout until the client sends `shutdown` and `exit`.
pub fn run() -> Result<(), LspError> {
    let (connection, io_threads) = Connection::stdio();
    serve(&connection)?;
    drop(connection);
    io_threads.join()?;
    Ok(())
}

/// The server's capabilities.
#[must_use]
pub fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(false),
                })),
                ..TextDocumentSyncOptions::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX, CodeActionKind::new(FIX_ALL)]),
            ..CodeActionOptions::default()
        })),
        ..ServerCapabilities::default()
    }
}

/// Run the protocol on a connection (stdio, or in memory for tests).
pub fn serve(connection: &Connection) -> Result<(), LspError> {
    let init = serde_json::json!({
        "capabilities": capabilities(),
        "serverInfo": ServerInfo {
            name: "geolint".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        },
    });
    let (id, params) = connection.initialize_start()?;
    connection.initialize_finish(id, init)?;
    let params: InitializeParams = serde_json::from_value(params)?;
    let roots = workspace_roots(&params);
    let mut server = Server {
        connection,
        ws: Workspace::new(Config::builtin(), roots.clone()),
        next_id: 0,
        scan: crossbeam_channel::never(),
        scan_generation: 0,
    };
    server.load_config();
    if params
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files)
        .and_then(|d| d.dynamic_registration)
        == Some(true)
    {
        server.register_file_watching()?;
    }
    server.start_scan();
    loop {
        crossbeam_channel::select! {
            recv(connection.receiver) -> msg => match msg.map_err(|_| LspError::Disconnected)? {
                Message::Request(req) => {
                    if connection.handle_shutdown(&req)? {
                        return Ok(());
                    }
                    server.request(req)?;
                }
                Message::Notification(n) => server.notification(n)?,
                Message::Response(_) => {}
            },
            recv(server.scan) -> done => {
                server.scan = crossbeam_channel::never();
                if let Ok(done) = done {
                    server.scan_done(done)?;
                }
            },
        }
    }
}

/// The result of a background scan of the workspace.
struct ScanDone {
    generation: u64,
    summaries: Vec<crate::site::DocSummary>,
    problems: Vec<String>,
}

/// The folders of the workspace: `workspaceFolders`, else `rootUri`, else `rootPath`, else the
/// current folder.
fn workspace_roots(params: &InitializeParams) -> Vec<PathBuf> {
    let mut roots: Vec<PathBuf> = params
        .workspace_folders
        .iter()
        .flatten()
        .filter_map(|f| position::uri_to_path(&f.uri))
        .collect();
    #[allow(deprecated)]
    if roots.is_empty() {
        if let Some(p) = params.root_uri.as_ref().and_then(position::uri_to_path) {
            roots.push(p);
        } else if let Some(p) = params.root_path.as_ref() {
            roots.push(PathBuf::from(p));
        }
    }
    if roots.is_empty() {
        if let Ok(cwd) = std::env::current_dir() {
            roots.push(cwd);
        }
    }
    roots.retain(|r| r.is_dir());
    roots
}

struct Server<'c> {
    connection: &'c Connection,
    ws: Workspace,
    next_id: i32,
    /// Where the running background scan reports (`never` when none runs).
    scan: crossbeam_channel::Receiver<ScanDone>,
    /// Scans started; a result of an older scan is dropped.
    scan_generation: u64,
}

impl Server<'_> {
    fn send(&self, msg: Message) -> Result<(), LspError> {
        self.connection
            .sender
            .send(msg)
            .map_err(|_| LspError::Disconnected)
    }

    fn notify<N: lsp_types::notification::Notification>(
        &self,
        params: N::Params,
    ) -> Result<(), LspError> {
        self.send(Message::Notification(Notification::new(
            N::METHOD.to_string(),
            params,
        )))
    }

    fn show(&self, typ: MessageType, message: String) -> Result<(), LspError> {
        self.notify::<ShowMessage>(ShowMessageParams { typ, message })
    }

    /// Load `geolint.toml` from the first root (or its parents); a bad config is shown to the
    /// user and the built-in defaults are used.
    fn load_config(&mut self) {
        let config = match Config::discover(&self.ws.roots) {
            Ok(c) => c,
            Err(e) => {
                let _ = self.show(
                    MessageType::ERROR,
                    format!("geolint: {e}; using the built-in defaults"),
                );
                Config::builtin()
            }
        };
        self.ws.config = config;
    }

    /// Read the workspace on another thread, so the editor gets per-file findings at once; site
    /// findings follow when the scan is done.
    fn start_scan(&mut self) {
        let (tx, rx) = crossbeam_channel::bounded(1);
        self.scan_generation += 1;
        let generation = self.scan_generation;
        let roots = self.ws.roots.clone();
        let config = self.ws.config.clone();
        std::thread::spawn(move || {
            let (summaries, problems) = workspace::scan_files(&roots, &config);
            let _ = tx.send(ScanDone {
                generation,
                summaries,
                problems,
            });
        });
        self.scan = rx;
    }

    fn scan_done(&mut self, done: ScanDone) -> Result<(), LspError> {
        if done.generation != self.scan_generation {
            return Ok(());
        }
        self.ws.install(done.summaries);
        let problems = done.problems;
        if let Some(first) = problems.first() {
            let _ = self.show(
                MessageType::WARNING,
                format!(
                    "geolint could not read {} file(s), e.g. {first}",
                    problems.len()
                ),
            );
        }
        self.publish_site_changes(None)
    }

    fn register_file_watching(&mut self) -> Result<(), LspError> {
        let watchers = ["**/*.{md,markdown,mdx,html,htm}", "**/geolint.toml"]
            .iter()
            .map(|g| FileSystemWatcher {
                glob_pattern: GlobPattern::String((*g).to_string()),
                kind: None,
            })
            .collect();
        let params = RegistrationParams {
            registrations: vec![Registration {
                id: "geolint-watch".into(),
                method: DidChangeWatchedFiles::METHOD.into(),
                register_options: serde_json::to_value(DidChangeWatchedFilesRegistrationOptions {
                    watchers,
                })
                .ok(),
            }],
        };
        self.next_id += 1;
        self.send(Message::Request(Request::new(
            RequestId::from(format!("geolint-{}", self.next_id)),
            RegisterCapability::METHOD.to_string(),
            params,
        )))
    }

    fn request(&mut self, req: Request) -> Result<(), LspError> {
        let id = req.id.clone();
        let result = match req.method.as_str() {
            HoverRequest::METHOD => serde_json::from_value::<HoverParams>(req.params)
                .map(|p| serde_json::to_value(self.hover(&p)).unwrap_or_default()),
            CodeActionRequest::METHOD => serde_json::from_value::<CodeActionParams>(req.params)
                .map(|p| serde_json::to_value(self.code_actions(&p)).unwrap_or_default()),
            _ => {
                return self.send(Message::Response(Response::new_err(
                    id,
                    ErrorCode::MethodNotFound as i32,
                    format!("geolint does not handle {}", req.method),
                )));
            }
        };
        let response = match result {
            Ok(v) => Response::new_ok(id, v),
            Err(e) => Response::new_err(id, ErrorCode::InvalidParams as i32, e.to_string()),
        };
        self.send(Message::Response(response))
    }

    fn notification(&mut self, n: Notification) -> Result<(), LspError> {
        match n.method.as_str() {
            DidOpenTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidOpenTextDocumentParams>(n.params) {
                    let doc = p.text_document;
                    let Some((path, format)) = target(&doc.uri, Some(&doc.language_id)) else {
                        return Ok(());
                    };
                    self.ws.set_text(&path, format, doc.text, Some(doc.version));
                    self.after_change(&path)?;
                }
            }
            DidChangeTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidChangeTextDocumentParams>(n.params) {
                    self.did_change(p)?;
                }
            }
            DidSaveTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidSaveTextDocumentParams>(n.params) {
                    if let Some(path) = position::uri_to_path(&p.text_document.uri) {
                        if path.file_name().is_some_and(|n| n == "geolint.toml") {
                            self.reload_everything()?;
                        } else if self.ws.get(&path).is_some() {
                            // Saved: the buffer is what is on disk now; publish again.
                            self.after_change(&path)?;
                        }
                    }
                }
            }
            DidCloseTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidCloseTextDocumentParams>(n.params) {
                    if let Some(path) = position::uri_to_path(&p.text_document.uri) {
                        self.ws.close(&path);
                        self.notify::<PublishDiagnostics>(PublishDiagnosticsParams {
                            uri: p.text_document.uri,
                            diagnostics: Vec::new(),
                            version: None,
                        })?;
                        self.publish_site_changes(None)?;
                    }
                }
            }
            DidChangeWatchedFiles::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidChangeWatchedFilesParams>(n.params) {
                    let paths: Vec<PathBuf> = p
                        .changes
                        .iter()
                        .filter_map(|c| position::uri_to_path(&c.uri))
                        .collect();
                    if paths
                        .iter()
                        .any(|p| p.file_name().is_some_and(|n| n == "geolint.toml"))
                    {
                        return self.reload_everything();
                    }
                    for p in &paths {
                        self.ws.reload(p);
                    }
                    self.publish_site_changes(None)?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn did_change(&mut self, p: DidChangeTextDocumentParams) -> Result<(), LspError> {
        let uri = p.text_document.uri;
        let Some(path) = position::uri_to_path(&uri) else {
            return Ok(());
        };
        let Some(open) = self.ws.get(&path) else {
            return Ok(());
        };
        let format = open.format;
        let mut text = open.text.clone();
        for change in p.content_changes {
            match change.range {
                Some(r) => {
                    let lines = LineIndex::new(&text);
                    let start = position::offset(&text, &lines, r.start);
                    let end = position::offset(&text, &lines, r.end).max(start);
                    text.replace_range(start..end, &change.text);
                }
                None => text = change.text,
            }
        }
        self.ws
            .set_text(&path, format, text, Some(p.text_document.version));
        self.after_change(&path)
    }

    /// Config changed: reload it, re-read the workspace, re-lint the open files.
    fn reload_everything(&mut self) -> Result<(), LspError> {
        self.load_config();
        let open: Vec<(PathBuf, OpenDoc)> = std::mem::take(&mut self.ws.open).into_iter().collect();
        for (path, doc) in &open {
            self.ws
                .set_text(path, doc.format, doc.text.clone(), doc.version);
        }
        for (path, _) in open {
            self.publish(&path)?;
        }
        self.start_scan();
        Ok(())
    }

    /// After an open file changed: publish its findings, and those of other open files whose
    /// site findings changed.
    fn after_change(&mut self, path: &Path) -> Result<(), LspError> {
        self.publish_site_changes(Some(path))
    }

    fn publish_site_changes(&mut self, also: Option<&Path>) -> Result<(), LspError> {
        let mut changed = self.ws.refresh_site();
        if let Some(p) = also {
            let key = crate::site::normalize(p);
            if !changed.contains(&key) {
                changed.push(key);
            }
        }
        for p in changed {
            self.publish(&p)?;
        }
        Ok(())
    }

    fn publish(&self, path: &Path) -> Result<(), LspError> {
        let (Some(doc), Some(uri)) = (self.ws.get(path), position::path_to_uri(path)) else {
            return Ok(());
        };
        let diagnostics = doc.diagnostics().iter().map(|d| to_lsp(doc, d)).collect();
        self.notify::<PublishDiagnostics>(PublishDiagnosticsParams {
            uri,
            diagnostics,
            version: doc.version,
        })
    }

    fn hover(&self, p: &HoverParams) -> Option<Hover> {
        let uri = &p.text_document_position_params.text_document.uri;
        let doc = self.ws.get(&position::uri_to_path(uri)?)?;
        let at = position::offset(
            &doc.text,
            &doc.lines,
            p.text_document_position_params.position,
        );
        let hits: Vec<Diagnostic> = doc
            .diagnostics()
            .into_iter()
            .filter(|d| {
                d.span
                    .is_some_and(|s| s.contains_offset(at) || (s.is_empty() && s.start == at))
            })
            .collect();
        let first = hits.first()?;
        let mut md = String::new();
        for d in &hits {
            md.push_str(&hover_text(d));
        }
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: md.trim_end().to_string(),
            }),
            range: first
                .span
                .map(|s| position::range(&doc.text, &doc.lines, s)),
        })
    }

    fn code_actions(&self, p: &CodeActionParams) -> Vec<CodeActionOrCommand> {
        let uri = &p.text_document.uri;
        let Some(path) = position::uri_to_path(uri) else {
            return Vec::new();
        };
        let Some(doc) = self.ws.get(&path) else {
            return Vec::new();
        };
        let start = position::offset(&doc.text, &doc.lines, p.range.start);
        let end = position::offset(&doc.text, &doc.lines, p.range.end);
        let wanted = Span::new(start, end.max(start));
        let only = p.context.only.as_ref();
        let wants = |kind: &CodeActionKind| {
            only.is_none_or(|o| o.iter().any(|k| kind.as_str().starts_with(k.as_str())))
        };
        let mut out = Vec::new();
        let all = doc.diagnostics();
        if wants(&CodeActionKind::QUICKFIX) {
            for d in &all {
                let (Some(fix), Some(span)) = (&d.fix, d.span) else {
                    continue;
                };
                let hit = span.overlaps(wanted)
                    || wanted.contains_offset(span.start)
                    || span.contains_offset(wanted.start)
                    || span.end == wanted.start;
                if !hit {
                    continue;
                }
                let edits = fix
                    .edits
                    .iter()
                    .map(|e| TextEdit {
                        range: position::range(&doc.text, &doc.lines, e.span),
                        new_text: e.replacement.clone(),
                    })
                    .collect();
                let title = match fix.safety {
                    Safety::Safe => format!("{} ({})", capitalize(&fix.description), d.rule),
                    Safety::Unsafe => {
                        format!("{} ({}, unsafe)", capitalize(&fix.description), d.rule)
                    }
                };
                out.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title,
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![to_lsp(doc, d)]),
                    edit: Some(workspace_edit(uri, edits)),
                    is_preferred: Some(fix.safety == Safety::Safe),
                    ..CodeAction::default()
                }));
            }
        }
        if wants(&CodeActionKind::QUICKFIX) {
            out.extend(disable_actions(uri, doc, &all, wanted));
        }
        let fix_all = CodeActionKind::new(FIX_ALL);
        if wants(&fix_all)
            && all
                .iter()
                .any(|d| d.fix.as_ref().is_some_and(|f| f.safety == Safety::Safe))
        {
            let parsed = crate::source::parse(
                path.clone(),
                crate::lint::display_path(&path),
                doc.format,
                doc.text.clone(),
            );
            let fixed = fix::fix_text(
                &parsed,
                &self.ws.config,
                &self.ws.rel_paths(&path),
                Applicability::Safe,
                Some(&all),
            );
            if fixed.text != doc.text {
                let whole = position::range(&doc.text, &doc.lines, Span::new(0, doc.text.len()));
                out.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: format!("Fix all safe geolint findings ({})", fixed.applied),
                    kind: Some(fix_all),
                    edit: Some(workspace_edit(
                        uri,
                        vec![TextEdit {
                            range: whole,
                            new_text: fixed.text,
                        }],
                    )),
                    ..CodeAction::default()
                }));
            }
        }
        out
    }
}

/// "Disable RULE for this line": a `geolint-disable-next-line` comment above the line of each
/// finding in the body that touches `wanted` (one action per rule and line).
fn disable_actions(
    uri: &Uri,
    doc: &OpenDoc,
    all: &[Diagnostic],
    wanted: Span,
) -> Vec<CodeActionOrCommand> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for d in all {
        let Some(span) = d.span else { continue };
        let touches = span.overlaps(wanted)
            || span.contains_offset(wanted.start)
            || wanted.contains_offset(span.start);
        if !touches || span.start < doc.body_start {
            continue;
        }
        let line_start = doc
            .text
            .get(..span.start)
            .and_then(|t| t.rfind('\n'))
            .map_or(0, |i| i + 1);
        if !seen.insert((d.rule.clone(), line_start)) {
            continue;
        }
        let indent: String = doc
            .text
            .get(line_start..)
            .unwrap_or("")
            .chars()
            .take_while(|c| *c == ' ' || *c == '\t')
            .collect();
        let at = position::position(&doc.text, &doc.lines, line_start);
        out.push(CodeActionOrCommand::CodeAction(CodeAction {
            title: format!("Disable {} for this line", d.rule),
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![to_lsp(doc, d)]),
            edit: Some(workspace_edit(
                uri,
                vec![TextEdit {
                    range: lsp_types::Range { start: at, end: at },
                    new_text: format!("{indent}<!-- geolint-disable-next-line {} -->\n", d.rule),
                }],
            )),
            ..CodeAction::default()
        }));
    }
    out
}

// `Uri` caches parsed parts in a `Cell`; hashing uses only its text, so it is a fine key.
#[allow(clippy::mutable_key_type)]
fn workspace_edit(uri: &Uri, edits: Vec<TextEdit>) -> WorkspaceEdit {
    let mut changes = HashMap::new();
    changes.insert(uri.clone(), edits);
    WorkspaceEdit {
        changes: Some(changes),
        ..WorkspaceEdit::default()
    }
}

/// The path and format of a document the server lints, from its URI (and language id when the
/// extension says nothing).
fn target(uri: &Uri, language_id: Option<&str>) -> Option<(PathBuf, Format)> {
    let path = position::uri_to_path(uri)?;
    let format = Format::from_path(&path).or_else(|| match language_id? {
        "markdown" => Some(Format::Markdown),
        "mdx" => Some(Format::Mdx),
        "html" => Some(Format::Html),
        _ => None,
    })?;
    Some((path, format))
}

/// A geolint diagnostic as an LSP diagnostic.
fn to_lsp(doc: &OpenDoc, d: &Diagnostic) -> lsp_types::Diagnostic {
    let range = position::range(&doc.text, &doc.lines, d.span.unwrap_or_default());
    let severity = match d.severity {
        Level::Error => DiagnosticSeverity::ERROR,
        Level::Warning => DiagnosticSeverity::WARNING,
        Level::Info | Level::Off => DiagnosticSeverity::INFORMATION,
    };
    let message = match &d.help {
        Some(h) => format!("{}\nhelp: {h}", d.message),
        None => d.message.clone(),
    };
    lsp_types::Diagnostic {
        range,
        severity: Some(severity),
        code: Some(NumberOrString::String(d.rule.clone())),
        source: Some("geolint".into()),
        message,
        ..lsp_types::Diagnostic::default()
    }
}

/// Hover text for one finding: message, help, fix, and the rule's documentation.
fn hover_text(d: &Diagnostic) -> String {
    let mut md = format!("**{}** ({}): {}\n\n", d.rule, d.severity, d.message);
    if let Some(h) = &d.help {
        let _ = write!(md, "Help: {h}\n\n");
    }
    if let Some(f) = &d.fix {
        let _ = write!(md, "Fix ({}): {}\n\n", f.safety.as_str(), f.description);
    }
    if let Some(rule) = crate::rules::registry::find(&d.rule) {
        let info = rule.info();
        let docs = crate::rules::registry::explain(info);
        // The explanation starts with `# id`; keep the rest.
        let body = docs.split_once('\n').map_or(docs.as_str(), |(_, b)| b);
        md.push_str(body.trim());
        md.push_str("\n\n");
    }
    md.push_str("---\n\n");
    md
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}
