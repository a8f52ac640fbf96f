//! Answers to phones, given off the app's loop. A phone hears "saved" only once its change is on
//! disk, but the loop does not wait for the disk: it hands the change to the saver, draws it on
//! the console and takes the next requests, while this thread waits for the save and answers.
//! A slow disk (a sync can stall for half a second on a busy laptop) then delays the phones'
//! answers, never the console, and requests that arrive meanwhile go into the next save.

use crate::phones::PhoneReply;
use std::sync::Arc;
use std::sync::mpsc::{Sender, SyncSender, channel};

/// The replies owed for one batch of phone requests: where each goes, and what it says once
/// the save holding the batch is on disk.
pub type Owed = Vec<(SyncSender<PhoneReply>, PhoneReply)>;

/// Blocks until every change handed to the saver so far is on disk, or says why not.
pub type Flush = dyn Fn() -> Result<(), String> + Send + Sync;

/// The answering thread of an open room.
pub struct Answers {
    flush: Arc<Flush>,
    /// `None` if the thread could not start: then each batch is answered in the loop.
    queue: Option<Sender<Owed>>,
}

impl Answers {
    /// Starts the thread; `flush` is the saver's flush.
    pub fn spawn(flush: Arc<Flush>) -> Answers {
        let (queue, batches) = channel::<Owed>();
        let flusher = Arc::clone(&flush);
        let started = std::thread::Builder::new()
            .name("room-answers".into())
            .spawn(move || {
                // One flush for a batch and every batch that queued behind it.
                while let Ok(first) = batches.recv() {
                    let mut owed = first;
                    owed.extend(batches.try_iter().flatten());
                    answer(owed, flusher());
                }
            });
        Answers {
            flush,
            queue: started.ok().map(|_| queue),
        }
    }

    /// Answers `owed` once the save that holds its changes (already handed to the saver) is on
    /// disk; returns at once.
    pub fn owe(&self, owed: Owed) {
        let unsent = match &self.queue {
            Some(queue) => queue.send(owed).err().map(|e| e.0),
            None => Some(owed),
        };
        if let Some(owed) = unsent {
            answer(owed, (self.flush)());
        }
    }
}

/// Sends each reply; if the save failed, a change that would have been "saved" says it is not
/// on disk yet (it stays on the console and is saved with the next change).
fn answer(owed: Owed, flushed: Result<(), String>) {
    for (reply, result) in owed {
        let result = match (&flushed, result) {
            (Err(e), Ok(_)) => Err(format!(
                "Not saved yet ({e}); it is on the trainer's screen and is saved with the next change."
            )),
            (_, result) => result,
        };
        let _ = reply.send(result);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::mpsc::{Receiver, TryRecvError, sync_channel};
    use std::time::Duration;

    /// A flush that waits for the test to let it through (bounded, so a broken answerer fails
    /// rather than hangs), counting how often it ran.
    fn gated() -> (Arc<Flush>, SyncSender<Result<(), String>>, Arc<AtomicUsize>) {
        let (open, gate) = sync_channel::<Result<(), String>>(8);
        let gate = Mutex::new(gate);
        let count = Arc::new(AtomicUsize::new(0));
        let counted = Arc::clone(&count);
        let flush = move || {
            counted.fetch_add(1, Ordering::SeqCst);
            gate.lock()
                .map_err(|e| e.to_string())?
                .recv_timeout(Duration::from_secs(10))
                .map_err(|e| e.to_string())?
        };
        (Arc::new(flush), open, count)
    }

    fn phone(result: PhoneReply) -> (Owed, Receiver<PhoneReply>) {
        let (reply, answer) = sync_channel(1);
        (vec![(reply, result)], answer)
    }

    fn wait(answer: &Receiver<PhoneReply>) -> PhoneReply {
        answer
            .recv_timeout(Duration::from_secs(20))
            .expect("an answer")
    }

    #[test]
    fn a_phone_hears_saved_only_after_the_save_and_the_loop_never_waits_for_it() {
        let (flush, open, flushes) = gated();
        let answers = Answers::spawn(flush);
        let (owed, answer) = phone(Ok(vec![7]));
        // Returns with the save still held: the loop goes on drawing.
        answers.owe(owed);
        assert_eq!(answer.try_recv(), Err(TryRecvError::Empty));
        open.send(Ok(())).unwrap();
        assert_eq!(wait(&answer), Ok(vec![7]));
        assert_eq!(flushes.load(Ordering::SeqCst), 1);
    }

    #[test]
    fn batches_waiting_behind_a_slow_save_share_the_next_one() {
        let (flush, open, flushes) = gated();
        let answers = Answers::spawn(flush);
        let (first, first_answer) = phone(Ok(vec![1]));
        answers.owe(first);
        // The first flush is under way (held); three more batches arrive meanwhile.
        while flushes.load(Ordering::SeqCst) == 0 {
            std::thread::yield_now();
        }
        let later: Vec<_> = (2..5).map(|n| phone(Ok(vec![n]))).collect();
        let mut answers_later = Vec::new();
        for (owed, answer) in later {
            answers.owe(owed);
            answers_later.push(answer);
        }
        open.send(Ok(())).unwrap();
        assert_eq!(wait(&first_answer), Ok(vec![1]));
        open.send(Ok(())).unwrap();
        for (n, answer) in (2..5).zip(&answers_later) {
            assert_eq!(wait(answer), Ok(vec![n]));
        }
        assert_eq!(flushes.load(Ordering::SeqCst), 2, "one save for the three");
    }

    #[test]
    fn a_failed_save_is_never_answered_as_saved() {
        let (flush, open, _) = gated();
        let answers = Answers::spawn(flush);
        let (mut owed, saved) = phone(Ok(vec![3]));
        let (refused, refusal) = phone(Err("No workshop is open right now.".into()));
        owed.extend(refused);
        answers.owe(owed);
        open.send(Err("the disk is full".into())).unwrap();
        let said = wait(&saved).unwrap_err();
        assert!(said.contains("Not saved yet (the disk is full)"), "{said}");
        assert_eq!(wait(&refusal), Err("No workshop is open right now.".into()));
    }
}
