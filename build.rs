//! Lists data files so that adding one is all it takes:
//! - every `packs/*.toml` is compiled into the library (adding a programme needs no
//!   Rust code). Each comes with its SHA-256 and a JSON copy: the WebAssembly build
//!   reads the JSON, which saves every visitor the TOML parser (about 200 KB);
//!   native builds read the TOML itself, with line and column for every error;
//! - every `tests/scenarios/*.toml` and test-only `tests/packs/*.toml` is run by the
//!   scenario test, natively and in the browser.

use std::{env, fs, path::Path, path::PathBuf};

use sha2::{Digest, Sha256};

type BuildResult<T> = Result<T, Box<dyn std::error::Error>>;

fn main() -> BuildResult<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = PathBuf::from(env::var("OUT_DIR")?);
    fs::write(out.join("packs.rs"), packs(&root.join("packs"), &out)?)?;
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

/// `&[BuiltinFile { name, toml, json, hash }, …]`. A pack that is not even TOML is left
/// for the library to report (with its place) rather than failing the build here.
fn packs(dir: &Path, out: &Path) -> BuildResult<String> {
    let mut code = String::from("&[\n");
    for path in files(dir)? {
        let source = fs::read_to_string(&path)?;
        let json = match toml::from_str::<toml::Value>(&source) {
            Ok(value) => serde_json::to_string(&value)?,
            Err(_) => String::from("null"),
        };
        let json_path = out.join(format!("{}.json", name(&path)?));
        fs::write(&json_path, json)?;
        let hash: String = Sha256::digest(source.as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
        code.push_str(&format!(
            "    BuiltinFile {{ name: {:?}, toml: include_str!({:?}), json: include_str!({:?}), hash: {hash:?} }},\n",
            name(&path)?,
            path.display().to_string(),
            json_path.display().to_string(),
        ));
    }
    code.push(']');
    Ok(code)
}
