//! Build steps that keep data as data:
//! - every `packs/*.toml` is compiled with the rules crate's `compile`, checked against
//!   the others (a question id means one thing in every pack), and written out as data
//!   for `catalogue` by the rules crate's `bake` (`catalogue.bin`, the structure,
//!   `catalogue.txt`, the strings, and `catalogue.fr.txt` and `catalogue.en.txt`, the
//!   texts in each language after the product's words in it (`i18n::Ui`), and `catalogue.sources.fr.txt` and `catalogue.sources.en.txt`,
//!   the printed summary's style then the readings and the sources no document cites, which scripts/build.sh also ships
//!   apart). Adding a programme is adding a file; a
//!   broken pack fails the build with every problem and its place; and visitors
//!   download neither the TOML parser nor the validator.
//! - `src/widget/widget.css` is written without its comments and the spaces no rule
//!   needs, as the widget adopts it, whole (`widget.css`) and without the loader's part
//!   (`widget-form.css`, which bench/sizes.mjs finds in the element's .wasm the same way);
//!   so is `src/widget/summary.css`, the printed summary's, which heads each language's
//!   sources (`catalogue.sources.<lang>.txt`).
//! - every `tests/scenarios/*.toml` and test-only `tests/packs/*.toml` is listed for
//!   the scenario test, which runs natively and in the browser.

use std::{env, fs, path::Path, path::PathBuf};

use eligibility_rules::i18n::{self, Lang};
use eligibility_rules::{bake, compile};

type BuildResult<T> = Result<T, Box<dyn std::error::Error>>;

fn main() {
    // Written as they are, each problem on its line, where returning the error from
    // `main` would print it debug-quoted, its lines joined by `\n`s.
    if let Err(error) = build() {
        eprintln!("{error}");
        std::process::exit(1);
    }
}

fn build() -> BuildResult<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = PathBuf::from(env::var("OUT_DIR")?);
    let baked = catalogue(&files(&root.join("packs"))?)?;
    let print_css = root.join("src/widget/summary.css");
    println!("cargo:rerun-if-changed={}", print_css.display());
    let print_css = minify_css(&fs::read_to_string(print_css)?);
    fs::write(out.join("catalogue.bin"), baked.bytes)?;
    fs::write(out.join("catalogue.txt"), baked.text)?;
    for ((lang, text), sources) in Lang::ALL.iter().zip(&baked.texts).zip(&baked.sources) {
        // The product's words first, each ended by a NUL as the texts are (`catalogue::words`).
        let mut texts = String::new();
        for word in i18n::ui(*lang).words() {
            texts.push_str(word);
            texts.push('\0');
        }
        texts.push_str(text);
        fs::write(out.join(format!("catalogue.{lang}.txt")), texts)?;
        // The printed summary's style first, as a summary waits for the sources
        // (`catalogue::print_style`).
        fs::write(out.join(format!("catalogue.sources.{lang}.txt")), format!("{print_css}\0{sources}"))?;
    }
    let css = root.join("src/widget/widget.css");
    println!("cargo:rerun-if-changed={}", css.display());
    let css = fs::read_to_string(css)?;
    fs::write(out.join("widget.css"), minify_css(&css))?;
    // What follows the loader's part: the element script gives the engine the loader's
    // part as the stylesheet it drew the placeholder with.
    let (_, form) = css.split_once("/* loader: end */").ok_or("widget.css has no `/* loader: end */`")?;
    fs::write(out.join("widget-form.css"), minify_css(form))?;
    fs::write(out.join("scenarios.rs"), list(&files(&root.join("tests/scenarios"))?)?)?;
    fs::write(out.join("test_packs.rs"), list(&files(&root.join("tests/packs"))?)?)?;
    Ok(())
}

/// The `*.toml` files of `dir`, sorted; none if there is no such folder.
fn files(dir: &Path) -> BuildResult<Vec<PathBuf>> {
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<PathBuf> = match fs::read_dir(dir) {
        Ok(entries) => entries.filter_map(Result::ok).map(|entry| entry.path()).collect(),
        Err(_) => Vec::new(),
    };
    files.retain(|path| path.extension().is_some_and(|ext| ext == "toml"));
    files.sort();
    for file in &files {
        println!("cargo:rerun-if-changed={}", file.display());
    }
    Ok(files)
}

fn name(path: &Path) -> BuildResult<&str> {
    Ok(path.file_name().and_then(|n| n.to_str()).ok_or("file name is not UTF-8")?)
}

/// `&[(file name, include_str!(path)), …]`.
fn list(files: &[PathBuf]) -> BuildResult<String> {
    let mut code = String::from("&[\n");
    for path in files {
        code.push_str(&format!("    ({:?}, include_str!({:?})),\n", name(path)?, path.display().to_string()));
    }
    code.push(']');
    Ok(code)
}

/// Every pack as `compile` made it, as data.
fn catalogue(packs: &[PathBuf]) -> BuildResult<bake::Baked> {
    let mut located = Vec::new();
    for path in packs {
        let source = fs::read_to_string(path)?;
        located.push(compile::compile_located(&source, name(path)?).map_err(|errors| shipped_broken(path, errors))?);
    }
    compile::check_shared(&located).map_err(|errors| {
        format!("the packs in packs/ disagree: a question id means one thing in every pack:\n{errors}")
    })?;
    let programmes: Vec<_> = located.iter().map(|l| &l.programme).collect();
    Ok(bake::to_data(&programmes)?)
}

/// What a broken shipped pack tells the one who builds: its problems, and how to
/// draft a pack without breaking the build.
fn shipped_broken(path: &Path, errors: compile::PackErrors) -> String {
    format!(
        "{} does not compile, and every pack in packs/ is built into the engine:\n{errors}\n\
         Draft a pack outside packs/ and check it there (`cargo run --bin eligibility -- check <file>`, \
         docs/rule-authors.md) until it compiles; then move it in.",
        path.display()
    )
}

/// CSS without comments and the spaces no rule needs: runs of white space become one
/// space, which goes next to `{ } ; , >` and after `:` (never needed after a colon,
/// while a space before one separates selectors); `;}` becomes `}`.
fn minify_css(css: &str) -> String {
    let mut text = String::new();
    let mut rest = css;
    while let Some((before, after)) = rest.split_once("/*") {
        text.push_str(before);
        rest = after.split_once("*/").map_or("", |(_, after)| after);
    }
    text.push_str(rest);
    let spaced = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(spaced.len());
    let mut chars = spaced.chars().peekable();
    let mut previous = ' ';
    while let Some(c) = chars.next() {
        let next = chars.peek().copied().unwrap_or(' ');
        if c == ' ' && ("{};,>:".contains(previous) || "{};,>!".contains(next)) {
            continue;
        }
        out.push(c);
        previous = c;
    }
    out.replace(";}", "}")
}
