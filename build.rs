//! Lists data files so that adding one is all it takes:
//! - every `packs/*.toml` is compiled into the library (adding a programme needs no
//!   Rust code);
//! - every `tests/scenarios/*.toml` and test-only `tests/packs/*.toml` is run by the
//!   scenario test, natively and in the browser.

use std::{env, fs, path::Path};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Path::new(&env::var("OUT_DIR")?).to_path_buf();
    for (dir, file) in [("packs", "packs.rs"), ("tests/scenarios", "scenarios.rs"), ("tests/packs", "test_packs.rs")] {
        fs::write(out.join(file), list(&root.join(dir))?)?;
    }
    Ok(())
}

/// `&[(file name, include_str!(path)), …]` for the `*.toml` files of `dir`, sorted.
fn list(dir: &Path) -> Result<String, Box<dyn std::error::Error>> {
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = match fs::read_dir(dir) {
        Ok(entries) => entries.filter_map(Result::ok).map(|entry| entry.path()).collect(),
        Err(_) => Vec::new(),
    };
    files.retain(|path| path.extension().is_some_and(|ext| ext == "toml"));
    files.sort();
    let mut code = String::from("&[\n");
    for path in files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path.file_name().and_then(|n| n.to_str()).ok_or("file name is not UTF-8")?;
        code.push_str(&format!("    ({name:?}, include_str!({:?})),\n", path.display().to_string()));
    }
    code.push(']');
    Ok(code)
}
