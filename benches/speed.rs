//! In-process budgets (issue 7): drawing the run view and the notes board, a keystroke on the
//! board, every export format, a durable save and what handing it to the saver costs the UI,
//! looking up the current step, and parsing the shipped decks.
//!
//! `cargo bench --bench speed` runs them with criterion (small samples: the machine is shared)
//! and ends with the table the README shows: each figure against its budget and, where there is
//! one, against a baseline measured in the same run.

mod common;

use clap::ValueEnum;
use common::{Figure, T0, app, fmt_duration, machine, median, percentile, print_table, select};
use cpm_workshop::export::{self, Format, Options};
use cpm_workshop::store::Store;
use cpm_workshop::ui::app::{App, Screen};
use cpm_workshop::ui::keymap::Action;
use cpm_workshop::ui::open_session::OpenSession;
use cpm_workshop::ui::sticky::View;
use cpm_workshop::ui::sticky::board_notes;
use cpm_workshop::ui::views;
use cpm_workshop::workshop::plan::{plan, plan_len};
use cpm_workshop::workshop::{Group, Session};
use criterion::{BenchmarkId, Criterion};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::collections::BTreeMap;
use std::hint::black_box;
use std::io::Write;
use std::path::Path;
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
/// Categories and notes of the wide export (issue 11: exports were quadratic in the two).
const WIDE_CATEGORIES: usize = 10_000;
const WIDE_NOTES: usize = 20_000;
const WIDE_EXPORT_BUDGET: Duration = Duration::from_secs(1);
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
        Screen::Sticky(w) => board_notes(w).len(),
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
    group.measurement_time(Duration::from_secs(2));
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
    let wide = common::wide_session(WIDE_CATEGORIES, WIDE_NOTES);
    for format in Format::value_variants()
        .iter()
        .filter(|f| **f != Format::Json)
    {
        let name = wide_name(*format);
        group.bench_function(BenchmarkId::from_parameter(&name[7..]), |b| {
            b.iter_custom(|iters| {
                timed(&name, iters, |_| {
                    black_box(export::render(&wide, *format, &options));
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

fn wide_name(format: Format) -> String {
    format!(
        "export/{}/{WIDE_CATEGORIES}-categories-{WIDE_NOTES}",
        format.extension()
    )
}

/// The open session of `app` (the fixtures always open one).
fn open(app: &App) -> &OpenSession {
    app.open_session()
        .unwrap_or_else(|| panic!("the fixture opens a session"))
}

fn hand_off_name(case: &str, notes: usize) -> String {
    format!("save/hand-off-{case}/{notes}")
}

/// Rounds of the interleaved save comparison (each round one of each kind, in turn first).
const SAVE_ROUNDS: usize = 150;

/// Encodes a session as the store does (pretty JSON and a newline).
fn encode(session: &Session) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(session).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

/// The least a durable write can cost, as the baseline: encode, write a fresh file, sync it.
fn one_sync_write(dir: &Path, session: &Session, n: usize) {
    let path = dir.join(format!("baseline-{n}.json"));
    let mut file = std::fs::File::create(&path).unwrap_or_else(|e| panic!("{e}"));
    file.write_all(&encode(session))
        .and_then(|()| file.sync_all())
        .unwrap_or_else(|e| panic!("{e}"));
    drop(file);
    let _ = std::fs::remove_file(&path);
}

/// The save as it was before issue 7, kept here to measure the change in the same run: the same
/// steps as the store's, with a folder sync after the backup as well as after the rename.
fn three_sync_save(dir: &Path, session: &Session, n: usize) {
    let sync_dir = || {
        std::fs::File::open(dir)
            .and_then(|d| d.sync_all())
            .unwrap_or_else(|e| panic!("{e}"));
    };
    let target = dir.join("before.json");
    let tmp = dir.join(format!(".before.json.tmp-{n}"));
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .unwrap_or_else(|e| panic!("{e}"));
    file.write_all(&encode(session))
        .and_then(|()| file.flush())
        .and_then(|()| file.sync_all())
        .unwrap_or_else(|e| panic!("{e}"));
    drop(file);
    if target.exists() {
        let bak_tmp = dir.join(format!(".before.json.bak.tmp-{n}"));
        std::fs::hard_link(&target, &bak_tmp)
            .and_then(|()| std::fs::rename(&bak_tmp, dir.join("before.json.bak")))
            .unwrap_or_else(|e| panic!("{e}"));
        sync_dir();
    }
    std::fs::rename(&tmp, &target).unwrap_or_else(|e| panic!("{e}"));
    sync_dir();
}

/// Durable saves of a 2,000-note session with criterion, then an interleaved comparison for the
/// p99: the store's save, the save as it was before, and the one-sync baseline, in turn, so
/// whatever else the disk is doing hits all three alike. Also what a save costs the UI thread.
fn bench_save(c: &mut Criterion) {
    let dir = tempfile::Builder::new()
        .prefix("cpm-bench-save")
        .tempdir_in(std::env::temp_dir())
        .unwrap_or_else(|e| panic!("{e}"));
    let store = Store::open(dir.path().join("sessions")).unwrap_or_else(|e| panic!("{e}"));
    let mut session = common::session(SAVE_NOTES);
    store.create(&session).unwrap_or_else(|e| panic!("{e}"));
    let mut group = c.benchmark_group("save");
    group.measurement_time(Duration::from_secs(2));
    group.bench_function("durable/2000", |b| {
        b.iter_custom(|iters| {
            let start = Instant::now();
            for i in 0..iters {
                session.updated = T0 + time::Duration::milliseconds(i as i64);
                store.save(&session).unwrap_or_else(|e| panic!("{e}"));
            }
            start.elapsed()
        });
    });
    // What the UI thread pays for a save: handing the saver thread the session (issue 18: a
    // whole copy until the session was shared), and with the edit that follows it, once the
    // saver has let go (the usual case) and while it still holds the session (the worst case).
    for notes in [SAVE_NOTES, EXPORT_NOTES] {
        let mut app = app(common::session(notes), View::Run);
        let name = hand_off_name("alone", notes);
        group.bench_function(BenchmarkId::from_parameter(&name[5..]), |b| {
            b.iter_custom(|iters| {
                timed(&name, iters, |_| {
                    black_box(open(&app).for_saver());
                })
            });
        });
        for (case, held) in [("then-edit", false), ("then-edit-while-held", true)] {
            let name = hand_off_name(case, notes);
            group.bench_function(BenchmarkId::from_parameter(&name[5..]), |b| {
                b.iter_custom(|iters| {
                    timed(&name, iters, |_| {
                        let saving = open(&app).for_saver();
                        let saving = if held { Some(saving) } else { None };
                        black_box(app.update(Action::ToggleTimer, T0));
                        drop(black_box(saving));
                    })
                });
            });
        }
        let name = hand_off_name("edit-only", notes);
        group.bench_function(BenchmarkId::from_parameter(&name[5..]), |b| {
            b.iter_custom(|iters| {
                timed(&name, iters, |_| {
                    black_box(app.update(Action::ToggleTimer, T0));
                })
            });
        });
    }
    group.finish();

    let before_dir = dir.path().join("before");
    std::fs::create_dir_all(&before_dir).unwrap_or_else(|e| panic!("{e}"));
    for round in 0..SAVE_ROUNDS {
        for k in 0..3 {
            let which = (round + k) % 3;
            session.updated = T0 + time::Duration::seconds(round as i64);
            let start = Instant::now();
            match which {
                0 => store.save(&session).unwrap_or_else(|e| panic!("{e}")),
                1 => three_sync_save(&before_dir, &session, round),
                _ => one_sync_write(dir.path(), &session, round),
            }
            let name = ["save/durable", "save/before", "save/one-sync"][which];
            record(name, start.elapsed());
        }
    }
}

/// Categories of the sessions `step()` is timed on: the shipped deck's six, and a deck big
/// enough that rebuilding the plan on every call would show.
const STEP_CATEGORIES: [usize; 2] = [6, WIDE_CATEGORIES];
/// Groups whose category a run frame asks for (the most a workshop has).
const STEP_GROUPS: u32 = 12;
/// A step is looked up several times a frame; a hundredth of the 2,000-note frame each.
const STEP_BUDGET: Duration = Duration::from_micros(20);

fn step_name(case: &str, categories: usize) -> String {
    format!("step/{case}/{categories}")
}

/// `Session::step()` (issue 18: it rebuilt the whole plan on every call), the old way as the
/// baseline, and the calls a run frame makes: the step and the category of every group.
fn bench_step(c: &mut Criterion) {
    let mut group = c.benchmark_group("step");
    for categories in STEP_CATEGORIES {
        let mut session = common::wide_session(categories, 0);
        session.groups = (1..=STEP_GROUPS)
            .map(|number| Group { number, name: None })
            .collect();
        // Midway, so neither the first round nor the wrap-up short-cuts anything.
        session.position = plan_len(categories) / 2;
        let name = step_name("one", categories);
        group.bench_function(BenchmarkId::from_parameter(&name[5..]), |b| {
            b.iter_custom(|iters| {
                timed(&name, iters, |_| {
                    black_box(black_box(&session).step());
                })
            });
        });
        let name = step_name("rebuilt-plan", categories);
        group.bench_function(BenchmarkId::from_parameter(&name[5..]), |b| {
            b.iter_custom(|iters| {
                timed(&name, iters, |_| {
                    let s = black_box(&session);
                    black_box(plan(s.categories.len()).get(s.position).copied());
                })
            });
        });
        let name = step_name("frame-calls", categories);
        group.bench_function(BenchmarkId::from_parameter(&name[5..]), |b| {
            b.iter_custom(|iters| {
                timed(&name, iters, |_| {
                    let s = black_box(&session);
                    black_box(s.step());
                    for g in 1..=STEP_GROUPS {
                        black_box(s.category_for(g));
                    }
                })
            });
        });
    }
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
        let what = |n: &str| {
            format!(
                "board keystroke (↑/↓ + frame) at {}×{}, {n} notes",
                size.0, size.1
            )
        };
        let draw = |n| med(&render_name(View::Board, size, n));
        figures.push(Figure::time(
            what("2,000"),
            two,
            FRAME_BUDGET_2K,
            Some(("the frame alone", draw(2_000))),
        ));
        figures.push(Figure::time(
            what("10,000"),
            ten,
            FRAME_BUDGET_10K,
            Some(("the frame alone", draw(10_000))),
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
    for format in Format::value_variants()
        .iter()
        .filter(|f| **f != Format::Json)
    {
        figures.push(Figure::time(
            format!(
                "export {}, 10,000 categories × 20,000 notes",
                format.extension()
            ),
            med(&wide_name(*format)),
            WIDE_EXPORT_BUDGET,
            // Only when measured in this run (a filtered run may skip it).
            Some(med(&format!(
                "export/{}/{EXPORT_NOTES}",
                format.extension()
            )))
            .filter(|usual| !usual.is_zero())
            .map(|usual| ("10,000 notes on the usual deck", usual)),
        ));
    }
    let mut saves = samples("save/durable");
    if !saves.is_empty() {
        let (mut before, mut one) = (samples("save/before"), samples("save/one-sync"));
        let n = saves.len();
        let p50 = percentile(&mut saves, 50.0);
        figures.push(Figure::time(
            format!(
                "durable save, 2,000 notes: p99 of {n} (median {}; before issue 7: p99 {}, median {})",
                fmt_duration(p50),
                fmt_duration(percentile(&mut before, 99.0)),
                fmt_duration(percentile(&mut before, 50.0)),
            ),
            percentile(&mut saves, 99.0),
            SAVE_P99_BUDGET,
            Some((
                "encode + write + one fsync, p99",
                percentile(&mut one, 99.0),
            )),
        ));
    }
    for notes in [SAVE_NOTES, EXPORT_NOTES] {
        let edit = med(&hand_off_name("edit-only", notes));
        let cases = [
            ("alone", "handing the saver the session", None),
            ("then-edit", "hand-off + an edit after the save", Some(edit)),
            (
                "then-edit-while-held",
                "hand-off + an edit during the save",
                Some(edit),
            ),
        ];
        for (case, what, baseline) in cases {
            figures.push(Figure::time(
                format!("{what}, {notes} notes (UI thread; budget: one frame)"),
                med(&hand_off_name(case, notes)),
                FRAME_BUDGET_2K,
                baseline.map(|b| ("the edit alone", b)),
            ));
        }
    }
    for categories in STEP_CATEGORIES {
        figures.push(Figure::time(
            format!("Session::step(), {categories} categories"),
            med(&step_name("one", categories)),
            STEP_BUDGET,
            Some((
                "rebuilding the plan",
                med(&step_name("rebuilt-plan", categories)),
            )),
        ));
        figures.push(Figure::time(
            format!(
                "a run frame's domain calls (step + category of each of {STEP_GROUPS} groups), \
                 {categories} categories"
            ),
            med(&step_name("frame-calls", categories)),
            STEP_BUDGET,
            None,
        ));
    }
    figures.push(Figure::time(
        "parse all shipped decks",
        med("parse/decks"),
        PARSE_BUDGET,
        None,
    ));
    // A filtered run (`cargo bench --bench speed -- save`) measured only some figures.
    figures.retain(|f| f.of_budget.is_some_and(|r| r > 0.0));
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
    bench_step(&mut c);
    bench_parse(&mut c);
    c.final_summary();
    // `cargo test --benches` runs each bench once to check it works; no table then.
    if std::env::args().any(|a| a == "--bench") {
        print_table(&format!("In-process budgets — {}", machine()), &summary());
    }
}
