#[path = "../benches/common/mod.rs"]
mod common;
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

fn dsync(d: &Path) {
    File::open(d).unwrap().sync_all().unwrap();
}
fn wtmp(p: &Path, b: &[u8], data_only: bool) {
    let mut f = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(p)
        .unwrap();
    f.write_all(b).unwrap();
    if data_only {
        f.sync_data().unwrap()
    } else {
        f.sync_all().unwrap()
    }
}
fn bak(d: &Path, i: usize, v: usize) {
    let t = d.join(format!(".bt{v}-{i}"));
    fs::hard_link(d.join(format!("a{v}.json")), &t).unwrap();
    fs::rename(&t, d.join(format!("a{v}.json.bak"))).unwrap();
}

#[test]
fn steps() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let s = common::session(2000);
    let mut bytes = serde_json::to_vec_pretty(&s).unwrap();
    bytes.push(b'\n');
    for v in 0..4 {
        fs::write(d.join(format!("a{v}.json")), b"{}").unwrap();
    }
    let mut t = vec![Vec::new(); 4];
    for i in 0..200 {
        for v in 0..4 {
            let tmp = d.join(format!(".t{v}-{i}"));
            let target = d.join(format!("a{v}.json"));
            let t0 = Instant::now();
            match v {
                0 => {
                    wtmp(&tmp, &bytes, false);
                    bak(d, i, v);
                    dsync(d);
                    fs::rename(&tmp, &target).unwrap();
                    dsync(d);
                }
                1 => {
                    wtmp(&tmp, &bytes, false);
                    bak(d, i, v);
                    fs::rename(&tmp, &target).unwrap();
                    dsync(d);
                }
                2 => {
                    bak(d, i, v);
                    wtmp(&tmp, &bytes, false);
                    fs::rename(&tmp, &target).unwrap();
                    dsync(d);
                }
                _ => {
                    bak(d, i, v);
                    wtmp(&tmp, &bytes, true);
                    fs::rename(&tmp, &target).unwrap();
                    dsync(d);
                }
            }
            t[v].push(t0.elapsed());
        }
    }
    let names = ["A current", "B no dirsync1", "C bak first", "D C+sync_data"];
    for (k, v) in t.iter_mut().enumerate() {
        let p50 = common::median(v);
        let p90 = common::percentile(v, 90.0);
        let p99 = common::percentile(v, 99.0);
        let mean: Duration = v.iter().sum::<Duration>() / v.len() as u32;
        eprintln!(
            "{:14} mean {:?} p50 {:?} p90 {:?} p99 {:?}",
            names[k], mean, p50, p90, p99
        );
    }
}
