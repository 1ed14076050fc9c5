package dev.veil.ui.task;

/** Where a background task is in its life. */
public enum TaskState {
    RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public boolean isDone() {
        return this != RUNNING;
    }
}
