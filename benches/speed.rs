//! In-process budgets (issue 7): drawing the run view and the notes board, a keystroke on the
//! board, every export format, a durable save, and parsing the shipped decks.
//!
//! `cargo bench --bench speed` runs them with criterion (small samples: the machine is shared)
//! and ends with the table the README shows: each figure against its budget and, where there is
//! one, against a baseline measured in the same run.

mod common;

use clap::ValueEnum;
use common::{Figure, T0, app, fmt_duration, machine, median, percentile, print_table, select};
use cpm_workshop::export::{self, Format, Options};
use cpm_workshop::store::Store;
use cpm_workshop::ui::app::{App, Screen, View, board_notes};
use cpm_workshop::ui::keymap::Action;
use cpm_workshop::ui::views;
use criterion::{BenchmarkId, Criterion};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::collections::BTreeMap;
use std::hint::black_box;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Window sizes drawn: a laptop terminal and a large projected one.
const SIZES: [(u16, u16); 2] = [(80, 24), (300, 90)];
/// Note counts: none (the baseline), the budget's 2,000 and 10,000.
const COUNTS: [usize; 3] = [0, 2_000, 10_000];
/// Notes in the saved session.
const SAVE_NOTES: usize = 2_000;
/// Notes in the exported session.
const EXPORT_NOTES: usize = 10_000;

const FRAME_BUDGET_2K: Duration = Duration::from_millis(2);
const FRAME_BUDGET_10K: Duration = Duration::from_millis(8);
const EXPORT_BUDGET: Duration = Duration::from_millis(50);
const SAVE_P99_BUDGET: Duration = Duration::from_millis(10);
const PARSE_BUDGET: Duration = Duration::from_millis(1);

/// Per-iteration times seen by the benches, by name, for the summary table.
static SAMPLES: Mutex<BTreeMap<String, Vec<Duration>>> = Mutex::new(BTreeMap::new());

fn record(name: &str, each: Duration) {
    SAMPLES
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .entry(name.to_string())
        .or_default()
        .push(each);
}

fn samples(name: &str) -> Vec<Duration> {
    SAMPLES
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .get(name)
        .cloned()
        .unwrap_or_default()
}

/// Times `iters` calls of `f` as one criterion sample and records the mean per call.
fn timed(name: &str, iters: u64, mut f: impl FnMut(u64)) -> Duration {
    let start = Instant::now();
    for i in 0..iters {
        f(i);
    }
    let total = start.elapsed();
    record(name, total / iters.max(1) as u32);
    total
}

fn view_name(view: View) -> &'static str {
    match view {
        View::Board => "board",
        _ => "run",
    }
}

fn render_name(view: View, (w, h): (u16, u16), notes: usize) -> String {
    format!("render/{}/{w}x{h}/{notes}", view_name(view))
}

fn keystroke_name((w, h): (u16, u16), notes: usize) -> String {
    format!("keystroke/board/{w}x{h}/{notes}")
}

/// The number of notes on the board's current page.
fn page_len(app: &App) -> usize {
    match &app.screen {
        Screen::Workshop(w) => board_notes(w).len(),
        _ => 0,
    }
}

/// One frame of `view` per iteration. Consecutive frames differ (the timer's second, or the
/// selected note near the end of a long page), so every frame really draws and diffs.
fn bench_render(c: &mut Criterion) {
    let mut group = c.benchmark_group("render");
    for notes in COUNTS {
        let session = common::session(notes);
        for view in [View::Run, View::Board] {
            let mut app = app(session.clone(), view);
            let last = page_len(&app).saturating_sub(1);
            for size in SIZES {
                let name = render_name(view, size, notes);
                let mut terminal = Terminal::new(TestBackend::new(size.0, size.1))
                    .unwrap_or_else(|e| panic!("{e}"));
                group.bench_function(BenchmarkId::from_parameter(&name[7..]), |b| {
                    b.iter_custom(|iters| {
                        timed(&name, iters, |i| {
                            let now = T0 + time::Duration::seconds(10 + (i % 2) as i64);
                            if view == View::Board {
                                select(&mut app, last.saturating_sub((i % 2) as usize));
                            }
                            let _ = terminal.draw(|f| views::render(&app, f, now));
                        })
                    });
                });
            }
        }
    }
    group.finish();
}

/// A keystroke on a long board page: `update` (↑ or ↓) and the frame it causes.
fn bench_keystroke(c: &mut Criterion) {
    let mut group = c.benchmark_group("keystroke");
    for notes in &COUNTS[1..] {
        let mut app = app(common::session(*notes), View::Board);
        let last = page_len(&app).saturating_sub(1);
        select(&mut app, last);
        for size in SIZES {
            let name = keystroke_name(size, *notes);
            let mut terminal =
                Terminal::new(TestBackend::new(size.0, size.1)).unwrap_or_else(|e| panic!("{e}"));
            group.bench_function(BenchmarkId::from_parameter(&name[10..]), |b| {
                b.iter_custom(|iters| {
                    timed(&name, iters, |i| {
                        let action = if i % 2 == 0 { Action::Up } else { Action::Down };
                        black_box(app.update(action, T0));
                        let _ = terminal.draw(|f| views::render(&app, f, T0));
                    })
                });
            });
        }
    }
    group.finish();
}

/// Every export format of a 10,000-note session, and plain `serde_json` as the baseline.
fn bench_export(c: &mut Criterion) {
    let session = common::session(EXPORT_NOTES);
    let options = Options::default();
    let mut group = c.benchmark_group("export");
    for format in Format::value_variants() {
        let name = format!("export/{}/{EXPORT_NOTES}", format.extension());
        group.bench_function(BenchmarkId::from_parameter(&name[7..]), |b| {
            b.iter_custom(|iters| {
                timed(&name, iters, |_| {
                    black_box(export::render(&session, *format, &options));
                })
            });
        });
    }
    let name = format!("export/serde_json-baseline/{EXPORT_NOTES}");
    group.bench_function(BenchmarkId::from_parameter(&name[7..]), |b| {
        b.iter_custom(|iters| {
            timed(&name, iters, |_| {
                black_box(serde_json::to_string(&session).unwrap_or_default());
            })
        });
    });
    group.finish();
}

/// Durable saves of a 2,000-note session (each one timed, for the p99), and the baseline: the
/// same encoding written with a plain `fs::write` (no sync, no rename, no backup).
fn bench_save(c: &mut Criterion) {
    let dir = tempfile::Builder::new()
        .prefix("cpm-bench-save")
        .tempdir_in(std::env::temp_dir())
        .unwrap_or_else(|e| panic!("{e}"));
    let store = Store::open(dir.path().join("sessions")).unwrap_or_else(|e| panic!("{e}"));
    let mut session = common::session(SAVE_NOTES);
    store.create(&session).unwrap_or_else(|e| panic!("{e}"));
    let plain = dir.path().join("plain.json");
    let mut group = c.benchmark_group("save");
    group.measurement_time(Duration::from_secs(3));
    group.bench_function("durable/2000", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for i in 0..iters {
                session.updated = T0 + time::Duration::milliseconds(i as i64);
                let start = Instant::now();
                store.save(&session).unwrap_or_else(|e| panic!("{e}"));
                let each = start.elapsed();
                record("save/durable/2000", each);
                total += each;
            }
            total
        });
    });
    group.bench_function("plain-write-baseline/2000", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let start = Instant::now();
                let mut bytes = serde_json::to_vec_pretty(&session).unwrap_or_default();
                bytes.push(b'\n');
                std::fs::write(&plain, &bytes).unwrap_or_else(|e| panic!("{e}"));
                let each = start.elapsed();
                record("save/plain/2000", each);
                total += each;
            }
            total
        });
    });
    group.finish();
}

/// Parsing the four shipped decks (what every start does), and the whole shipped library.
fn bench_parse(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse");
    group.bench_function("shipped-decks", |b| {
        b.iter_custom(|iters| {
            timed("parse/decks", iters, |_| {
                black_box(cpm_workshop::content::embedded::decks());
            })
        });
    });
    group.bench_function("shipped-library", |b| {
        b.iter_custom(|iters| {
            timed("parse/library", iters, |_| {
                black_box(cpm_workshop::content::Library::shipped());
            })
        });
    });
    group.finish();
}

/// The summary table from what the benches recorded (medians of criterion's samples; the
/// save's p99 over every single save).
fn summary() -> Vec<Figure> {
    let med = |name: &str| median(&mut samples(name));
    let mut figures = Vec::new();
    for view in [View::Run, View::Board] {
        for size in SIZES {
            let base = med(&render_name(view, size, 0));
            let two = med(&render_name(view, size, 2_000));
            let ten = med(&render_name(view, size, 10_000));
            let what = |n: &str| {
                format!(
                    "draw the {} at {}×{}, {n} notes",
                    if view == View::Board {
                        "notes board"
                    } else {
                        "run view"
                    },
                    size.0,
                    size.1
                )
            };
            figures.push(Figure::time(
                what("2,000"),
                two,
                FRAME_BUDGET_2K,
                Some(("same with no notes", base)),
            ));
            figures.push(Figure::time(
                what("10,000"),
                ten,
                FRAME_BUDGET_10K,
                Some(("same with 2,000 (5× = linear)", two)),
            ));
        }
    }
    for size in SIZES {
        let two = med(&keystroke_name(size, 2_000));
        let ten = med(&keystroke_name(size, 10_000));
        let what = |n: &str| format!("board keystroke (↑/↓ + frame) at {}×{}, {n} notes", size.0, size.1);
        figures.push(Figure::time(what("2,000"), two, FRAME_BUDGET_2K, None));
        figures.push(Figure::time(
            what("10,000"),
            ten,
            FRAME_BUDGET_10K,
            Some(("same with 2,000 (5× = linear)", two)),
        ));
    }
    let serde = med(&format!("export/serde_json-baseline/{EXPORT_NOTES}"));
    for format in Format::value_variants() {
        let t = med(&format!("export/{}/{EXPORT_NOTES}", format.extension()));
        figures.push(Figure::time(
            format!("export {}, 10,000 notes", format.extension()),
            t,
            EXPORT_BUDGET,
            Some(("serde_json::to_string", serde)),
        ));
    }
    let mut saves = samples("save/durable/2000");
    let mut plain = samples("save/plain/2000");
    let n = saves.len();
    let p99 = percentile(&mut saves, 99.0);
    let p50 = percentile(&mut saves, 50.0);
    figures.push(Figure::time(
        format!(
            "durable save, 2,000 notes: p99 of {n} saves (median {})",
            fmt_duration(p50)
        ),
        p99,
        SAVE_P99_BUDGET,
        Some(("encode + plain write, p99", percentile(&mut plain, 99.0))),
    ));
    figures.push(Figure::time(
        "parse all shipped decks",
        med("parse/decks"),
        PARSE_BUDGET,
        None,
    ));
    figures
}

fn main() {
    let mut c = Criterion::default()
        .sample_size(15)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_millis(1200))
        .without_plots()
        .configure_from_args();
    bench_render(&mut c);
    bench_keystroke(&mut c);
    bench_export(&mut c);
    bench_save(&mut c);
    bench_parse(&mut c);
    c.final_summary();
    // `cargo test --benches` runs each bench once to check it works; no table then.
    if std::env::args().any(|a| a == "--bench") {
        print_table(
            &format!("In-process budgets — {}", machine()),
            &summary(),
        );
    }
}
