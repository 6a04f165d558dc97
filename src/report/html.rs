//! `--format html`: one self-contained HTML file (inline CSS and JS, no external assets) with
//! the summary, findings per rule and per page, extra tables (a crawl's pages and AI-crawler
//! access), and a filterable, sortable table of every finding.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::Summary;
use crate::diagnostic::{Diagnostic, Level};

/// An extra table of the report.
#[derive(Clone, Debug, Default)]
pub struct Section {
    pub title: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// What the report shows.
#[derive(Debug)]
pub struct HtmlReport<'a> {
    /// E.g. `geolint crawl https://example.nl/`.
    pub title: String,
    /// Lines under the title (start URL, date, limits).
    pub notes: Vec<String>,
    pub summary: Summary,
    /// "files" or "pages".
    pub unit: &'a str,
    pub diagnostics: &'a [&'a Diagnostic],
    pub sections: Vec<Section>,
}

/// Escape text for HTML content and attribute values.
#[must_use]
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const CSS: &str = r#"
:root{--err:#c62828;--warn:#b26a00;--info:#1565c0;--bg:#fafafa;--line:#e0e0e0}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:var(--bg);color:#212121}
header{background:#263238;color:#fff;padding:18px 28px}
header h1{margin:0 0 4px;font-size:20px;font-weight:600}
header p{margin:0;opacity:.8;font-size:13px}
main{padding:20px 28px;max-width:1500px}
.cards{display:flex;gap:12px;flex-wrap:wrap;margin-bottom:20px}
.card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:12px 18px;min-width:130px}
.card b{display:block;font-size:26px}
.card.error b{color:var(--err)}.card.warning b{color:var(--warn)}.card.info b{color:var(--info)}
h2{font-size:16px;margin:26px 0 8px}
table{border-collapse:collapse;width:100%;background:#fff;border:1px solid var(--line)}
th,td{text-align:left;padding:6px 10px;border-bottom:1px solid var(--line);vertical-align:top}
th{background:#eceff1;cursor:pointer;user-select:none;white-space:nowrap;position:sticky;top:0}
th[aria-sort=ascending]::after{content:" \25B2"}th[aria-sort=descending]::after{content:" \25BC"}
td.num{text-align:right;font-variant-numeric:tabular-nums}
td.path{word-break:break-all;max-width:360px}
.sev{font-weight:600;text-transform:uppercase;font-size:11px}
.sev.error{color:var(--err)}.sev.warning{color:var(--warn)}.sev.info{color:var(--info)}
.help{color:#616161;font-size:12.5px}
.filters{display:flex;gap:10px;flex-wrap:wrap;align-items:center;margin:8px 0}
.filters input[type=search]{padding:5px 8px;min-width:260px}
.filters select{padding:4px}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:20px}
@media(max-width:900px){.cols{grid-template-columns:1fr}}
.rule-link{cursor:pointer;color:#1565c0;text-decoration:underline}
#count{color:#616161}
"#;

const JS: &str = r"
(function(){
  var table=document.getElementById('findings');
  if(!table){return;}
  var rows=Array.prototype.slice.call(table.tBodies[0].rows);
  var q=document.getElementById('q'),sev=document.getElementById('sev'),rule=document.getElementById('rule');
  var count=document.getElementById('count');
  function apply(){
    var text=q.value.toLowerCase(),s=sev.value,r=rule.value,n=0;
    rows.forEach(function(tr){
      var ok=(!s||tr.dataset.sev===s)&&(!r||tr.dataset.rule===r)&&(!text||tr.textContent.toLowerCase().indexOf(text)>=0);
      tr.hidden=!ok; if(ok){n++;}
    });
    count.textContent=n+' of '+rows.length+' findings shown';
  }
  [q,sev,rule].forEach(function(el){el.addEventListener('input',apply);el.addEventListener('change',apply);});
  document.querySelectorAll('[data-filter-rule]').forEach(function(el){
    el.addEventListener('click',function(){rule.value=el.dataset.filterRule;apply();table.scrollIntoView();});
  });
  document.querySelectorAll('[data-filter-page]').forEach(function(el){
    el.addEventListener('click',function(){q.value=el.dataset.filterPage;apply();table.scrollIntoView();});
  });
  document.querySelectorAll('table.sortable').forEach(function(t){
    var ths=t.tHead.rows[0].cells;
    Array.prototype.forEach.call(ths,function(th,i){
      th.addEventListener('click',function(){
        var asc=th.getAttribute('aria-sort')!=='ascending';
        Array.prototype.forEach.call(ths,function(o){o.removeAttribute('aria-sort');});
        th.setAttribute('aria-sort',asc?'ascending':'descending');
        var body=t.tBodies[0],list=Array.prototype.slice.call(body.rows);
        list.sort(function(a,b){
          var x=a.cells[i].dataset.key||a.cells[i].textContent,y=b.cells[i].dataset.key||b.cells[i].textContent;
          var nx=parseFloat(x),ny=parseFloat(y);
          var c=(!isNaN(nx)&&!isNaN(ny))?nx-ny:x.localeCompare(y);
          return asc?c:-c;
        });
        list.forEach(function(r){body.appendChild(r);});
      });
    });
  });
  apply();
})();
";

fn rank(level: Level) -> u8 {
    match level {
        Level::Error => 3,
        Level::Warning => 2,
        Level::Info => 1,
        Level::Off => 0,
    }
}

/// Render the report.
#[must_use]
#[allow(clippy::many_single_char_names)]
pub fn render(r: &HtmlReport<'_>) -> String {
    let mut h = String::with_capacity(4096 + r.diagnostics.len() * 400);
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<header><h1>{}</h1>",
        escape(&r.title),
        escape(&r.title)
    );
    for n in &r.notes {
        let _ = write!(h, "<p>{}</p>", escape(n));
    }
    h.push_str("</header>\n<main>\n<section id=\"summary\" class=\"cards\">");
    let s = r.summary;
    for (class, n, label) in [
        ("", s.files, r.unit),
        ("error", s.errors, "errors"),
        ("warning", s.warnings, "warnings"),
        ("info", s.infos, "infos"),
    ] {
        let _ = write!(h, "<div class=\"card {class}\"><b>{n}</b>{label}</div>");
    }
    h.push_str("</section>\n<div class=\"cols\">\n");

    // per rule
    let mut per_rule: BTreeMap<&str, (Level, usize)> = BTreeMap::new();
    let mut per_page: BTreeMap<&str, [usize; 3]> = BTreeMap::new();
    for d in r.diagnostics {
        let e = per_rule.entry(&d.rule).or_insert((d.severity, 0));
        e.1 += 1;
        if rank(d.severity) > rank(e.0) {
            e.0 = d.severity;
        }
        let p = per_page.entry(&d.path).or_insert([0; 3]);
        match d.severity {
            Level::Error => p[0] += 1,
            Level::Warning => p[1] += 1,
            Level::Info | Level::Off => p[2] += 1,
        }
    }
    h.push_str("<section id=\"per-rule\"><h2>Findings per rule</h2><table class=\"sortable\"><thead><tr><th>rule</th><th>severity</th><th>findings</th></tr></thead><tbody>");
    for (rule, (level, n)) in &per_rule {
        let _ = write!(
            h,
            "<tr><td><span class=\"rule-link\" data-filter-rule=\"{r}\">{r}</span></td><td data-key=\"{k}\"><span class=\"sev {l}\">{l}</span></td><td class=\"num\">{n}</td></tr>",
            r = escape(rule),
            k = rank(*level),
            l = level.as_str()
        );
    }
    h.push_str("</tbody></table></section>\n");
    h.push_str("<section id=\"per-page\"><h2>Findings per page</h2><table class=\"sortable\"><thead><tr><th>page</th><th>errors</th><th>warnings</th><th>infos</th></tr></thead><tbody>");
    for (page, [e, w, i]) in &per_page {
        let _ = write!(
            h,
            "<tr><td class=\"path\"><span class=\"rule-link\" data-filter-page=\"{p}\">{p}</span></td><td class=\"num\">{e}</td><td class=\"num\">{w}</td><td class=\"num\">{i}</td></tr>",
            p = escape(page)
        );
    }
    h.push_str("</tbody></table></section>\n</div>\n");

    for sec in &r.sections {
        let _ = write!(
            h,
            "<section class=\"extra\"><h2>{}</h2><table class=\"sortable\"><thead><tr>",
            escape(&sec.title)
        );
        for th in &sec.headers {
            let _ = write!(h, "<th>{}</th>", escape(th));
        }
        h.push_str("</tr></thead><tbody>");
        for row in &sec.rows {
            h.push_str("<tr>");
            for cell in row {
                let _ = write!(h, "<td>{}</td>", escape(cell));
            }
            h.push_str("</tr>");
        }
        h.push_str("</tbody></table></section>\n");
    }

    // all findings
    h.push_str("<section id=\"all\"><h2>All findings</h2><div class=\"filters\"><input type=\"search\" id=\"q\" placeholder=\"filter: text, page, rule\" aria-label=\"filter\"><select id=\"sev\" aria-label=\"severity\"><option value=\"\">all severities</option><option value=\"error\">error</option><option value=\"warning\">warning</option><option value=\"info\">info</option></select><select id=\"rule\" aria-label=\"rule\"><option value=\"\">all rules</option>");
    for rule in per_rule.keys() {
        let _ = write!(h, "<option value=\"{r}\">{r}</option>", r = escape(rule));
    }
    let _ = write!(
        h,
        "</select><span id=\"count\">{} findings</span></div>\n<table id=\"findings\" class=\"sortable\"><thead><tr><th>severity</th><th>rule</th><th>page</th><th>line</th><th>message</th></tr></thead><tbody>\n",
        r.diagnostics.len()
    );
    for d in r.diagnostics {
        let line = d
            .start
            .map_or(String::new(), |p| format!("{}:{}", p.line, p.column));
        let key = d.start.map_or(0, |p| p.line);
        let help = d.help.as_deref().map_or(String::new(), |t| {
            format!("<div class=\"help\">{}</div>", escape(t))
        });
        let _ = writeln!(
            h,
            "<tr data-sev=\"{l}\" data-rule=\"{r}\"><td data-key=\"{k}\"><span class=\"sev {l}\">{l}</span></td><td>{r}</td><td class=\"path\">{p}</td><td class=\"num\" data-key=\"{key}\">{line}</td><td>{m}{help}</td></tr>",
            l = d.severity.as_str(),
            k = rank(d.severity),
            r = escape(&d.rule),
            p = escape(&d.path),
            m = escape(&d.message),
        );
    }
    let _ = write!(
        h,
        "</tbody></table></section>\n</main>\n<script>{JS}</script>\n</body>\n</html>\n"
    );
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::LineCol;

    #[test]
    fn renders_escaped_rows_and_no_external_urls() {
        let d = Diagnostic {
            rule: "crawl/broken-link".into(),
            severity: Level::Error,
            message: "link to `<x>` returns HTTP 404".into(),
            path: "https://x.nl/?a=1&b=2".into(),
            span: None,
            start: Some(LineCol { line: 3, column: 5 }),
            end: None,
            help: Some("fix it".into()),
            url: None,
            fix: None,
        };
        let diags = [&d];
        let html = render(&HtmlReport {
            title: "geolint crawl".into(),
            notes: vec![],
            summary: Summary {
                files: 2,
                errors: 1,
                warnings: 0,
                infos: 0,
            },
            unit: "pages",
            diagnostics: &diags,
            sections: vec![],
        });
        assert!(html.contains("link to `&lt;x&gt;` returns HTTP 404"));
        assert!(html.contains("https://x.nl/?a=1&amp;b=2"));
        assert!(html.contains("<td class=\"num\" data-key=\"3\">3:5</td>"));
        assert!(
            !html.contains("src=\"http"),
            "no external scripts or images"
        );
        assert!(!html.contains("<link "), "no external stylesheets");
    }
}
