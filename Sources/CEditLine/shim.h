// Non-variadic wrappers over libedit, which Swift cannot call directly
// (el_set, el_get and history take variable arguments).
#ifndef LEADQ_CEDITLINE_SHIM_H
#define LEADQ_CEDITLINE_SHIM_H

#include <stdio.h>
#include <signal.h>
#include <string.h>
#include <locale.h>
#include <histedit.h>
#include <pty.h>
#include <unistd.h>
#include <sys/ioctl.h>

static inline void leadq_set_locale(void) { setlocale(LC_CTYPE, ""); }

typedef char *(*leadq_prompt_fn)(EditLine *);
typedef unsigned char (*leadq_command_fn)(EditLine *, int);

static inline FILE *leadq_stdin(void) { return stdin; }
static inline FILE *leadq_stdout(void) { return stdout; }
static inline FILE *leadq_stderr(void) { return stderr; }

static inline int leadq_el_set_prompt(EditLine *el, leadq_prompt_fn fn) { return el_set(el, EL_PROMPT, fn); }
static inline int leadq_el_set_editor(EditLine *el, const char *mode) { return el_set(el, EL_EDITOR, mode); }
static inline int leadq_el_set_signal(EditLine *el, int on) { return el_set(el, EL_SIGNAL, on); }
static inline int leadq_el_set_history(EditLine *el, History *h) { return el_set(el, EL_HIST, history, h); }
static inline int leadq_el_set_clientdata(EditLine *el, void *data) { return el_set(el, EL_CLIENTDATA, data); }
static inline void *leadq_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return data;
}
static inline int leadq_el_add_function(EditLine *el, const char *name, const char *help, leadq_command_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}
static inline int leadq_el_bind(EditLine *el, const char *key, const char *name) {
    return el_set(el, EL_BIND, key, name, NULL);
}

static inline int leadq_history_set_size(History *h, int size) {
    HistEvent ev;
    return history(h, &ev, H_SETSIZE, size);
}
static inline int leadq_history_set_unique(History *h, int unique) {
    HistEvent ev;
    return history(h, &ev, H_SETUNIQUE, unique);
}
static inline int leadq_history_enter(History *h, const char *line) {
    HistEvent ev;
    return history(h, &ev, H_ENTER, line);
}
static inline int leadq_history_load(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_LOAD, path);
}
static inline int leadq_history_save(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_SAVE, path);
}
/// Walks the history from oldest to newest: call with first = 1, then 0, until it returns NULL.
static inline const char *leadq_history_next_oldest(History *h, int first) {
    HistEvent ev;
    int rc = history(h, &ev, first ? H_LAST : H_PREV);
    return rc == -1 ? NULL : ev.str;
}

/// Starts `path` on a new pseudo-terminal (its controlling terminal, 100 × 40)
/// and returns its pid, with the terminal's master side in `*master`; -1 on failure.
/// Used by tests that drive the interactive shell.
static inline pid_t leadq_spawn_on_pty(const char *path, char *const argv[], char *const envp[], int *master) {
    struct winsize size;
    memset(&size, 0, sizeof size);
    size.ws_row = 40;
    size.ws_col = 100;
    pid_t pid = forkpty(master, NULL, NULL, &size);
    if (pid == 0) {
        execve(path, argv, envp);
        _exit(127);
    }
    return pid;
}

#endif
