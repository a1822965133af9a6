/* GL_KHR_debug natively and through glstream: application messages at the
 * callback and in the log, message control, debug groups and their
 * messages and errors, object labels on each ES 2.0 object type and their
 * errors, glGetPointervKHR, synchronous output. Every observation goes to
 * $GLST_OUT/khr_debug.txt, which must be identical in both runs. The ids of
 * messages the driver generates itself are process-wide counters in Mesa,
 * so only their source, type and severity are written. */
#include "glst_observe.h"
#include "glst_test_util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <X11/Xlib.h>


static PFNGLDEBUGMESSAGECONTROLKHRPROC control;
static PFNGLDEBUGMESSAGEINSERTKHRPROC insert;
static PFNGLDEBUGMESSAGECALLBACKKHRPROC set_callback;
static PFNGLGETDEBUGMESSAGELOGKHRPROC get_log;
static PFNGLPUSHDEBUGGROUPKHRPROC push;
static PFNGLPOPDEBUGGROUPKHRPROC pop;
static PFNGLOBJECTLABELKHRPROC label;
static PFNGLGETOBJECTLABELKHRPROC get_label;
static PFNGLOBJECTPTRLABELKHRPROC ptr_label;
static PFNGLGETOBJECTPTRLABELKHRPROC get_ptr_label;
static PFNGLGETPOINTERVKHRPROC get_pointer;
static PFNGLGENVERTEXARRAYSOESPROC gen_vertex_arrays;
static PFNGLBINDVERTEXARRAYOESPROC bind_vertex_array;

static void *proc(const char *name)
{
    void *p = (void *)eglGetProcAddress(name);
    GLST_CHECK(p != NULL);
    return p;
}

/* ---- what the callback received ---- */

#define MAX_SEEN 256
struct seen {
    GLenum source, type, severity;
    GLuint id;
    GLsizei length;
    char text[128];
};
static struct seen seen[MAX_SEEN];
static int seen_count;
static int user_param_value;
static bool user_param_ok = true;

static void GL_APIENTRY on_message(GLenum source, GLenum type, GLuint id, GLenum severity, GLsizei length,
                                   const GLchar *message, const void *user)
{
    if (user != &user_param_value)
        user_param_ok = false;
    if (seen_count >= MAX_SEEN)
        return;
    struct seen *s = &seen[seen_count++];
    s->source = source;
    s->type = type;
    s->id = id;
    s->severity = severity;
    s->length = length;
    /* the text need not end at length (Mesa passes the application's) */
    snprintf(s->text, sizeof(s->text), "%.*s", length >= 0 ? (int)length : 127, message ? message : "(null)");
}

/* Writes the messages received since `from`; the driver's own messages
 * (source API) without id and text. */
static void note_seen(const char *what, int from)
{
    glst_note("%s: %d messages", what, seen_count - from);
    for (int i = from; i < seen_count; i++) {
        struct seen *s = &seen[i];
        if (s->source == GL_DEBUG_SOURCE_API_KHR)
            glst_note("  source 0x%x type 0x%x severity 0x%x (driver)", s->source, s->type, s->severity);
        else
            glst_note("  source 0x%x type 0x%x id %u severity 0x%x length %d \"%s\"", s->source, s->type, s->id,
                 s->severity, s->length, s->text);
    }
}

/* The callback has run by the time a query returns, natively and through
 * glstream (the messages come ahead of the reply). */
static void settle(void)
{
    glGetError();
}

static const struct seen *last_seen(void)
{
    return seen_count ? &seen[seen_count - 1] : NULL;
}

/* ---- the log ---- */

static GLuint drain_log(void)
{
    GLuint total = 0, got;
    while ((got = get_log(64, 0, NULL, NULL, NULL, NULL, NULL, NULL)) > 0)
        total += got;
    return total;
}

static void test_log(GLint max_length)
{
    drain_log();
    GLST_ERR("drain", GL_NO_ERROR);
    GLST_CHECK_INT(glst_get_int(GL_DEBUG_LOGGED_MESSAGES_KHR), 0);
    GLST_CHECK_INT(glst_get_int(GL_DEBUG_NEXT_LOGGED_MESSAGE_LENGTH_KHR), 0);
    insert(GL_DEBUG_SOURCE_APPLICATION_KHR, GL_DEBUG_TYPE_MARKER_KHR, 1, GL_DEBUG_SEVERITY_NOTIFICATION_KHR, -1,
           "first");
    insert(GL_DEBUG_SOURCE_THIRD_PARTY_KHR, GL_DEBUG_TYPE_OTHER_KHR, 2, GL_DEBUG_SEVERITY_HIGH_KHR, 6,
           "second and more");
    insert(GL_DEBUG_SOURCE_APPLICATION_KHR, GL_DEBUG_TYPE_PERFORMANCE_KHR, 3, GL_DEBUG_SEVERITY_MEDIUM_KHR, -1,
           "third");
    /* LOW severity is disabled initially */
    insert(GL_DEBUG_SOURCE_APPLICATION_KHR, GL_DEBUG_TYPE_OTHER_KHR, 4, GL_DEBUG_SEVERITY_LOW_KHR, -1, "low");
    GLST_ERR("inserts", GL_NO_ERROR);
    GLST_CHECK_INT(glst_get_int(GL_DEBUG_LOGGED_MESSAGES_KHR), 3);
    GLST_CHECK_INT(glst_get_int(GL_DEBUG_NEXT_LOGGED_MESSAGE_LENGTH_KHR), 6);

    /* a buffer too small for the next message returns none */
    GLenum sources[4] = {0}, types[4] = {0}, severities[4] = {0};
    GLuint ids[4] = {0};
    GLsizei lengths[4] = {0};
    char text[64];
    memset(text, '#', sizeof(text));
    GLST_CHECK_INT(get_log(1, 3, sources, types, ids, severities, lengths, text), 0);
    GLST_CHECK_INT(text[0], '#');
    GLuint got = get_log(1, sizeof(text), sources, types, ids, severities, lengths, text);
    glst_note("log: %u: 0x%x 0x%x %u 0x%x %d \"%s\"", got, sources[0], types[0], ids[0], severities[0], lengths[0], text);
    GLST_CHECK_INT(got, 1);
    GLST_CHECK_HEX(sources[0], GL_DEBUG_SOURCE_APPLICATION_KHR);
    GLST_CHECK_HEX(types[0], GL_DEBUG_TYPE_MARKER_KHR);
    GLST_CHECK_INT(ids[0], 1);
    GLST_CHECK_HEX(severities[0], GL_DEBUG_SEVERITY_NOTIFICATION_KHR);
    GLST_CHECK_INT(lengths[0], 6);
    GLST_CHECK(strcmp(text, "first") == 0);

    /* two at once, packed one after the other */
    memset(text, '#', sizeof(text));
    got = get_log(4, sizeof(text), sources, types, ids, severities, lengths, text);
    glst_note("log: %u: %u %d %u %d \"%s\" \"%s\"", got, ids[0], lengths[0], ids[1], lengths[1], text, text + lengths[0]);
    GLST_CHECK_INT(got, 2);
    GLST_CHECK_INT(ids[0], 2);
    GLST_CHECK_INT(ids[1], 3);
    GLST_CHECK(strcmp(text, "second") == 0);
    GLST_CHECK(strcmp(text + 7, "third") == 0);
    GLST_CHECK_INT(glst_get_int(GL_DEBUG_LOGGED_MESSAGES_KHR), 0);

    /* the log keeps at most MAX_DEBUG_LOGGED_MESSAGES: later ones are lost */
    GLint max_logged = glst_get_int(GL_MAX_DEBUG_LOGGED_MESSAGES_KHR);
    for (GLint i = 0; i < max_logged + 3 && i < 100000; i++)
        insert(GL_DEBUG_SOURCE_APPLICATION_KHR, GL_DEBUG_TYPE_OTHER_KHR, (GLuint)(100 + i),
               GL_DEBUG_SEVERITY_MEDIUM_KHR, -1, "many");
    GLST_CHECK_INT(glst_get_int(GL_DEBUG_LOGGED_MESSAGES_KHR), max_logged);
    got = get_log(1, 0, NULL, NULL, ids, NULL, NULL, NULL);
    GLST_CHECK_INT(got, 1);
    GLST_CHECK_INT(ids[0], 100);
    GLST_CHECK_INT(drain_log(), max_logged - 1);
    GLST_ERR("log full", GL_NO_ERROR);

    /* errors */
    get_log(1, -1, NULL, NULL, NULL, NULL, NULL, text);
    GLST_ERR("log: negative bufSize", GL_INVALID_VALUE);
    insert(GL_DEBUG_SOURCE_API_KHR, GL_DEBUG_TYPE_OTHER_KHR, 1, GL_DEBUG_SEVERITY_LOW_KHR, -1, "api");
    GLST_ERR("insert: source API", GL_INVALID_ENUM);
    insert(GL_DEBUG_SOURCE_APPLICATION_KHR, GL_DEBUG_TYPE_OTHER_KHR, 1, 0x1234, -1, "bad severity");
    GLST_ERR("insert: bad severity", GL_INVALID_ENUM);
    char *long_text = malloc(100001);
    GLST_CHECK(long_text != NULL);
    if (long_text) {
        memset(long_text, 'a', 100000);
        long_text[100000] = 0;
        insert(GL_DEBUG_SOURCE_APPLICATION_KHR, GL_DEBUG_TYPE_OTHER_KHR, 1, GL_DEBUG_SEVERITY_LOW_KHR, max_length,
               long_text);
        GLST_ERR("insert: length = MAX_DEBUG_MESSAGE_LENGTH", GL_INVALID_VALUE);
        insert(GL_DEBUG_SOURCE_APPLICATION_KHR, GL_DEBUG_TYPE_OTHER_KHR, 1, GL_DEBUG_SEVERITY_LOW_KHR,
               max_length - 1, long_text);
        GLST_ERR("insert: length = MAX_DEBUG_MESSAGE_LENGTH - 1", GL_NO_ERROR);
        insert(GL_DEBUG_SOURCE_APPLICATION_KHR, GL_DEBUG_TYPE_OTHER_KHR, 1, GL_DEBUG_SEVERITY_LOW_KHR, -1,
               long_text);
        GLST_ERR("insert: 100000 characters", GL_INVALID_VALUE);
        insert(GL_DEBUG_SOURCE_APPLICATION_KHR, GL_DEBUG_TYPE_OTHER_KHR, 1, GL_DEBUG_SEVERITY_LOW_KHR, 70000,
               long_text);
        GLST_ERR("insert: length 70000", GL_INVALID_VALUE);
        free(long_text);
    }
    drain_log();
}

/* ---- control ---- */

static void test_control(void)
{
    drain_log();
    GLuint quiet = 42;
    control(GL_DEBUG_SOURCE_APPLICATION_KHR, GL_DEBUG_TYPE_OTHER_KHR, GL_DONT_CARE, 1, &quiet, GL_FALSE);
    GLST_ERR("control: disable id 42", GL_NO_ERROR);
    insert(GL_DEBUG_SOURCE_APPLICATION_KHR, GL_DEBUG_TYPE_OTHER_KHR, 42, GL_DEBUG_SEVERITY_HIGH_KHR, -1, "quiet");
    insert(GL_DEBUG_SOURCE_APPLICATION_KHR, GL_DEBUG_TYPE_OTHER_KHR, 43, GL_DEBUG_SEVERITY_HIGH_KHR, -1, "loud");
    insert(GL_DEBUG_SOURCE_APPLICATION_KHR, GL_DEBUG_TYPE_MARKER_KHR, 42, GL_DEBUG_SEVERITY_HIGH_KHR, -1, "other type");
    GLuint ids[4] = {0};
    GLuint got = get_log(4, 0, NULL, NULL, ids, NULL, NULL, NULL);
    glst_note("control: %u logged: %u %u", got, ids[0], ids[1]);
    GLST_CHECK_INT(got, 2);
    GLST_CHECK_INT(ids[0], 43);
    GLST_CHECK_INT(ids[1], 42);

    /* by severity: LOW on, MEDIUM off */
    control(GL_DONT_CARE, GL_DONT_CARE, GL_DEBUG_SEVERITY_LOW_KHR, 0, NULL, GL_TRUE);
    control(GL_DONT_CARE, GL_DONT_CARE, GL_DEBUG_SEVERITY_MEDIUM_KHR, 0, NULL, GL_FALSE);
    insert(GL_DEBUG_SOURCE_APPLICATION_KHR, GL_DEBUG_TYPE_OTHER_KHR, 50, GL_DEBUG_SEVERITY_LOW_KHR, -1, "low");
    insert(GL_DEBUG_SOURCE_APPLICATION_KHR, GL_DEBUG_TYPE_OTHER_KHR, 51, GL_DEBUG_SEVERITY_MEDIUM_KHR, -1, "medium");
    got = get_log(4, 0, NULL, NULL, ids, NULL, NULL, NULL);
    GLST_CHECK_INT(got, 1);
    GLST_CHECK_INT(ids[0], 50);
    control(GL_DONT_CARE, GL_DONT_CARE, GL_DEBUG_SEVERITY_MEDIUM_KHR, 0, NULL, GL_TRUE);
    control(GL_DEBUG_SOURCE_APPLICATION_KHR, GL_DEBUG_TYPE_OTHER_KHR, GL_DONT_CARE, 1, &quiet, GL_TRUE);
    GLST_ERR("control", GL_NO_ERROR);

    /* errors */
    control(GL_DEBUG_SOURCE_APPLICATION_KHR, GL_DEBUG_TYPE_OTHER_KHR, GL_DEBUG_SEVERITY_LOW_KHR, 1, &quiet, GL_TRUE);
    GLST_ERR("control: ids with a severity", GL_INVALID_OPERATION);
    control(GL_DONT_CARE, GL_DEBUG_TYPE_OTHER_KHR, GL_DONT_CARE, 1, &quiet, GL_TRUE);
    GLST_ERR("control: ids with any source", GL_INVALID_OPERATION);
    control(0x1234, GL_DONT_CARE, GL_DONT_CARE, 0, NULL, GL_TRUE);
    GLST_ERR("control: bad source", GL_INVALID_ENUM);
    control(GL_DONT_CARE, GL_DONT_CARE, GL_DONT_CARE, -1, NULL, GL_TRUE);
    GLST_ERR("control: negative count", GL_INVALID_VALUE);
    drain_log();
}

/* ---- callback ---- */

static void test_callback(void)
{
    void *value = (void *)1;
    get_pointer(GL_DEBUG_CALLBACK_FUNCTION_KHR, &value);
    GLST_CHECK(value == NULL);
    drain_log(); /* the errors of earlier tests */
    set_callback(on_message, &user_param_value);
    GLST_ERR("callback set", GL_NO_ERROR);
    get_pointer(GL_DEBUG_CALLBACK_FUNCTION_KHR, &value);
    GLST_CHECK(value == (void *)on_message);
    get_pointer(GL_DEBUG_CALLBACK_USER_PARAM_KHR, &value);
    GLST_CHECK(value == &user_param_value);
    get_pointer(GL_TEXTURE_2D, &value);
    GLST_ERR("glGetPointervKHR: bad pname", GL_INVALID_ENUM);
    settle();
    int from = seen_count;

    insert(GL_DEBUG_SOURCE_APPLICATION_KHR, GL_DEBUG_TYPE_MARKER_KHR, 7, GL_DEBUG_SEVERITY_NOTIFICATION_KHR, -1,
           "to the callback");
    insert(GL_DEBUG_SOURCE_THIRD_PARTY_KHR, GL_DEBUG_TYPE_PORTABILITY_KHR, 8, GL_DEBUG_SEVERITY_MEDIUM_KHR, 3,
           "abcdef");
    settle();
    note_seen("callback inserts", from);
    GLST_CHECK_INT(seen_count - from, 2);
    if (seen_count - from == 2) {
        GLST_CHECK_HEX(seen[from].source, GL_DEBUG_SOURCE_APPLICATION_KHR);
        GLST_CHECK_HEX(seen[from].type, GL_DEBUG_TYPE_MARKER_KHR);
        GLST_CHECK_INT(seen[from].id, 7);
        GLST_CHECK_HEX(seen[from].severity, GL_DEBUG_SEVERITY_NOTIFICATION_KHR);
        GLST_CHECK(strcmp(seen[from].text, "to the callback") == 0);
        GLST_CHECK_INT(seen[from + 1].id, 8);
        GLST_CHECK_HEX(seen[from + 1].type, GL_DEBUG_TYPE_PORTABILITY_KHR);
        GLST_CHECK(strcmp(seen[from + 1].text, "abc") == 0);
        GLST_CHECK_INT(seen[from + 1].length, 3);
    }
    GLST_CHECK(user_param_ok);
    /* with a callback, nothing is logged */
    GLST_CHECK_INT(glst_get_int(GL_DEBUG_LOGGED_MESSAGES_KHR), 0);

    /* an error the driver raises comes as a message of type ERROR */
    from = seen_count;
    pop();
    GLST_ERR("pop: empty stack", GL_STACK_UNDERFLOW_KHR);
    note_seen("stack underflow", from);
    GLST_CHECK(seen_count - from == 1 && seen[from].type == GL_DEBUG_TYPE_ERROR_KHR &&
               seen[from].source == GL_DEBUG_SOURCE_API_KHR);
    GLST_ERR("callback", GL_NO_ERROR);
}

/* ---- groups ---- */

static void test_groups(void)
{
    int from = seen_count;
    GLST_CHECK_INT(glst_get_int(GL_DEBUG_GROUP_STACK_DEPTH_KHR), 1);
    push(GL_DEBUG_SOURCE_APPLICATION_KHR, 70, -1, "group A");
    GLST_CHECK_INT(glst_get_int(GL_DEBUG_GROUP_STACK_DEPTH_KHR), 2);
    /* controls inside a group end with it */
    control(GL_DEBUG_SOURCE_APPLICATION_KHR, GL_DONT_CARE, GL_DONT_CARE, 0, NULL, GL_FALSE);
    insert(GL_DEBUG_SOURCE_APPLICATION_KHR, GL_DEBUG_TYPE_OTHER_KHR, 71, GL_DEBUG_SEVERITY_HIGH_KHR, -1, "muted");
    push(GL_DEBUG_SOURCE_THIRD_PARTY_KHR, 72, 7, "group B and more");
    insert(GL_DEBUG_SOURCE_APPLICATION_KHR, GL_DEBUG_TYPE_OTHER_KHR, 73, GL_DEBUG_SEVERITY_HIGH_KHR, -1, "muted");
    pop();
    pop();
    insert(GL_DEBUG_SOURCE_APPLICATION_KHR, GL_DEBUG_TYPE_OTHER_KHR, 74, GL_DEBUG_SEVERITY_HIGH_KHR, -1, "heard");
    GLST_ERR("groups", GL_NO_ERROR);
    note_seen("groups", from);
    /* push A, push B (third party: not muted), pop B, pop A (sent once A
     * is gone, so A's muting no longer applies), then 74; 71 and 73 muted */
    GLST_CHECK_INT(seen_count - from, 5);
    GLST_CHECK_HEX(seen[from].type, GL_DEBUG_TYPE_PUSH_GROUP_KHR);
    GLST_CHECK_INT(seen[from].id, 70);
    GLST_CHECK_HEX(seen[from].severity, GL_DEBUG_SEVERITY_NOTIFICATION_KHR);
    GLST_CHECK(strcmp(seen[from].text, "group A") == 0);
    const struct seen *last = last_seen();
    GLST_CHECK(last && last->id == 74);
    GLST_CHECK_INT(glst_get_int(GL_DEBUG_GROUP_STACK_DEPTH_KHR), 1);

    /* pushing past the maximum depth */
    GLint max_depth = glst_get_int(GL_MAX_DEBUG_GROUP_STACK_DEPTH_KHR);
    for (GLint i = 1; i < max_depth && i < 10000; i++)
        push(GL_DEBUG_SOURCE_APPLICATION_KHR, 1000, -1, "deep");
    GLST_ERR("push to the maximum", GL_NO_ERROR);
    GLST_CHECK_INT(glst_get_int(GL_DEBUG_GROUP_STACK_DEPTH_KHR), max_depth);
    from = seen_count;
    push(GL_DEBUG_SOURCE_APPLICATION_KHR, 1000, -1, "too deep");
    GLST_ERR("push: overflow", GL_STACK_OVERFLOW_KHR);
    note_seen("overflow", from);
    for (GLint i = 1; i < max_depth && i < 10000; i++)
        pop();
    GLST_ERR("pop back", GL_NO_ERROR);
    GLST_CHECK_INT(glst_get_int(GL_DEBUG_GROUP_STACK_DEPTH_KHR), 1);

    push(GL_DEBUG_SOURCE_API_KHR, 1, -1, "api");
    GLST_ERR("push: source API", GL_INVALID_ENUM);
    GLint max_length = glst_get_int(GL_MAX_DEBUG_MESSAGE_LENGTH_KHR);
    char *long_text = calloc((size_t)max_length + 1, 1);
    if (long_text) {
        memset(long_text, 'g', (size_t)max_length);
        push(GL_DEBUG_SOURCE_APPLICATION_KHR, 1, -1, long_text);
        GLST_ERR("push: too long", GL_INVALID_VALUE);
        free(long_text);
    }
    GLST_CHECK_INT(glst_get_int(GL_DEBUG_GROUP_STACK_DEPTH_KHR), 1);
}

/* ---- synchronous output ---- */

static void test_synchronous(void)
{
    GLST_CHECK(!glIsEnabled(GL_DEBUG_OUTPUT_SYNCHRONOUS_KHR));
    glEnable(GL_DEBUG_OUTPUT_SYNCHRONOUS_KHR);
    GLST_CHECK(glIsEnabled(GL_DEBUG_OUTPUT_SYNCHRONOUS_KHR));
    int from = seen_count;
    /* the callback has run when the call returns: no query in between */
    insert(GL_DEBUG_SOURCE_APPLICATION_KHR, GL_DEBUG_TYPE_OTHER_KHR, 90, GL_DEBUG_SEVERITY_LOW_KHR, -1, "now");
    int after_insert = seen_count - from;
    push(GL_DEBUG_SOURCE_APPLICATION_KHR, 91, -1, "now too");
    int after_push = seen_count - from;
    pop();
    int after_pop = seen_count - from;
    glst_note("synchronous: %d %d %d", after_insert, after_push, after_pop);
    GLST_CHECK_INT(after_insert, 1);
    GLST_CHECK_INT(after_push, 2);
    GLST_CHECK_INT(after_pop, 3);
    glDisable(GL_DEBUG_OUTPUT_SYNCHRONOUS_KHR);
    GLST_ERR("synchronous", GL_NO_ERROR);

    /* DEBUG_OUTPUT off: nothing at all */
    glDisable(GL_DEBUG_OUTPUT_KHR);
    from = seen_count;
    insert(GL_DEBUG_SOURCE_APPLICATION_KHR, GL_DEBUG_TYPE_OTHER_KHR, 92, GL_DEBUG_SEVERITY_HIGH_KHR, -1, "off");
    settle();
    GLST_CHECK_INT(seen_count - from, 0);
    glEnable(GL_DEBUG_OUTPUT_KHR);
    GLST_ERR("output off", GL_NO_ERROR);

    /* the callback removed: messages go to the log again */
    set_callback(NULL, NULL);
    drain_log();
    from = seen_count;
    insert(GL_DEBUG_SOURCE_APPLICATION_KHR, GL_DEBUG_TYPE_OTHER_KHR, 93, GL_DEBUG_SEVERITY_HIGH_KHR, -1, "logged");
    settle();
    GLST_CHECK_INT(seen_count - from, 0);
    GLST_CHECK_INT(glst_get_int(GL_DEBUG_LOGGED_MESSAGES_KHR), 1);
    void *value = (void *)1;
    get_pointer(GL_DEBUG_CALLBACK_FUNCTION_KHR, &value);
    GLST_CHECK(value == NULL);
    drain_log();
}

/* ---- labels ---- */

static void label_object(const char *what, GLenum identifier, GLuint name)
{
    char text[64];
    GLsizei length = -7;
    label(identifier, name, -1, what);
    memset(text, '#', sizeof(text));
    get_label(identifier, name, sizeof(text), &length, text);
    glst_note("label %s: %d \"%s\"", what, length, text);
    GLST_CHECK_INT(length, (GLsizei)strlen(what));
    GLST_CHECK(strcmp(text, what) == 0);
    /* truncated to bufSize - 1 characters */
    get_label(identifier, name, 4, &length, text);
    GLST_CHECK_INT(length, 3);
    GLST_CHECK(strncmp(text, what, 3) == 0 && text[3] == 0);
    /* no buffer: the whole length */
    get_label(identifier, name, 0, &length, NULL);
    GLST_CHECK_INT(length, (GLsizei)strlen(what));
    /* a length given explicitly */
    label(identifier, name, 2, what);
    get_label(identifier, name, sizeof(text), &length, text);
    GLST_CHECK_INT(length, 2);
    /* NULL removes it */
    label(identifier, name, 0, NULL);
    get_label(identifier, name, sizeof(text), &length, text);
    GLST_CHECK_INT(length, 0);
    GLST_CHECK_INT(text[0], 0);
    GLST_ERR(what, GL_NO_ERROR);
}

static void test_labels(void)
{
    GLuint buffer, texture, renderbuffer, framebuffer, vertex_array = 0;
    glGenBuffers(1, &buffer);
    glBindBuffer(GL_ARRAY_BUFFER, buffer);
    glGenTextures(1, &texture);
    glBindTexture(GL_TEXTURE_2D, texture);
    glGenRenderbuffers(1, &renderbuffer);
    glBindRenderbuffer(GL_RENDERBUFFER, renderbuffer);
    glGenFramebuffers(1, &framebuffer);
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    GLuint shader = glCreateShader(GL_VERTEX_SHADER);
    GLuint program = glCreateProgram();
    GLST_ERR("objects", GL_NO_ERROR);
    label_object("a buffer", GL_BUFFER_KHR, buffer);
    label_object("a texture", GL_TEXTURE, texture);
    label_object("a renderbuffer", GL_RENDERBUFFER, renderbuffer);
    label_object("a framebuffer", GL_FRAMEBUFFER, framebuffer);
    label_object("a shader", GL_SHADER_KHR, shader);
    label_object("a program", GL_PROGRAM_KHR, program);
    if (gen_vertex_arrays) {
        gen_vertex_arrays(1, &vertex_array);
        bind_vertex_array(vertex_array);
        label_object("a vertex array", GL_VERTEX_ARRAY_KHR, vertex_array);
        bind_vertex_array(0);
    }

    /* errors: outputs stay untouched */
    char text[16] = "untouched";
    GLsizei length = -7;
    label(GL_BUFFER_KHR, 12345, -1, "none");
    GLST_ERR("label: no such buffer", GL_INVALID_VALUE);
    get_label(GL_TEXTURE, 12345, sizeof(text), &length, text);
    GLST_ERR("get label: no such texture", GL_INVALID_VALUE);
    GLST_CHECK_INT(length, -7);
    GLST_CHECK(strcmp(text, "untouched") == 0);
    label(GL_PROGRAM_KHR, shader, -1, "shader as program");
    GLST_ERR("label: a shader named as a program", GL_INVALID_VALUE);
    label(GL_BUFFER_KHR, 0, -1, "zero");
    GLST_ERR("label: buffer 0", GL_INVALID_VALUE);
    label(0x1234, buffer, -1, "bad identifier");
    GLST_ERR("label: bad identifier", GL_INVALID_ENUM);
    static const GLenum es3_objects[] = {GL_QUERY_KHR, GL_PROGRAM_PIPELINE_KHR, GL_SAMPLER_KHR, 0x8E22 /* TRANSFORM_FEEDBACK */};
    for (size_t i = 0; i < sizeof(es3_objects) / sizeof(es3_objects[0]); i++) {
        label(es3_objects[i], 1, -1, "es3");
        /* no such object type in ES 2.0: glstream raises INVALID_ENUM; Mesa's
         * native "ES 2" context is ES 3.2, where no such object is INVALID_VALUE */
        GLenum e = glGetError();
        glst_note("label: identifier 0x%x: refused %d", es3_objects[i], e == GL_INVALID_ENUM || e == GL_INVALID_VALUE);
        GLST_CHECK(e == GL_INVALID_ENUM || e == GL_INVALID_VALUE);
    }
    GLint max_label = glst_get_int(GL_MAX_LABEL_LENGTH_KHR);
    char *long_label = calloc((size_t)max_label + 70000, 1);
    if (long_label) {
        memset(long_label, 'l', (size_t)max_label + 69999);
        label(GL_BUFFER_KHR, buffer, max_label, long_label);
        GLST_ERR("label: length = MAX_LABEL_LENGTH", GL_INVALID_VALUE);
        label(GL_BUFFER_KHR, buffer, -1, long_label);
        GLST_ERR("label: 70000 characters", GL_INVALID_VALUE);
        label(GL_BUFFER_KHR, buffer, max_label - 1, long_label);
        GLST_ERR("label: MAX_LABEL_LENGTH - 1", GL_NO_ERROR);
        get_label(GL_BUFFER_KHR, buffer, 0, &length, NULL);
        GLST_CHECK_INT(length, max_label - 1);
        free(long_label);
    }
    get_label(GL_BUFFER_KHR, buffer, -1, &length, text);
    GLST_ERR("get label: negative bufSize", GL_INVALID_VALUE);

    /* no sync objects in ES 2.0: no pointer names one */
    int not_a_sync;
    ptr_label(&not_a_sync, -1, "sync");
    GLST_ERR("ptr label", GL_INVALID_VALUE);
    get_ptr_label(&not_a_sync, sizeof(text), &length, text);
    GLST_ERR("get ptr label", GL_INVALID_VALUE);
    GLST_CHECK_INT(length, max_label - 1);

    /* a deleted object has no label */
    glDeleteTextures(1, &texture);
    label(GL_TEXTURE, texture, -1, "deleted");
    GLST_ERR("label: deleted texture", GL_INVALID_VALUE);

    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glDeleteBuffers(1, &buffer);
    glDeleteRenderbuffers(1, &renderbuffer);
    glDeleteFramebuffers(1, &framebuffer);
    glDeleteShader(shader);
    glDeleteProgram(program);
    GLST_ERR("labels end", GL_NO_ERROR);
}

/* ---- a debug context; messages delivered by eglSwapBuffers ---- */

static void test_debug_context_and_swap(glst_egl *egl)
{
    /* an X display of its own: the default EGL display may be Mesa's
     * surfaceless one (no window configs) when X was not ready at setup */
    Display *x = getenv("DISPLAY") ? XOpenDisplay(NULL) : NULL;
    for (int attempt = 0; getenv("DISPLAY") && !x && attempt < 30; attempt++) {
        struct timespec pause = {0, 100 * 1000 * 1000};
        nanosleep(&pause, NULL);
        x = XOpenDisplay(NULL);
    }
    glst_note("window: %s", x ? "yes" : "no X display");
    if (!x)
        return;
    EGLDisplay dpy = eglGetDisplay((EGLNativeDisplayType)x);
    GLST_CHECK(dpy != EGL_NO_DISPLAY && eglInitialize(dpy, NULL, NULL));
    static const EGLint config_attribs[] = {EGL_SURFACE_TYPE, EGL_WINDOW_BIT, EGL_RENDERABLE_TYPE, EGL_OPENGL_ES2_BIT,
                                            EGL_RED_SIZE, 8, EGL_NONE};
    static const EGLint context_attribs[] = {EGL_CONTEXT_MAJOR_VERSION_KHR, 2, EGL_CONTEXT_FLAGS_KHR,
                                             EGL_CONTEXT_OPENGL_DEBUG_BIT_KHR, EGL_NONE};
    EGLConfig config;
    EGLint n = 0;
    GLST_CHECK(eglChooseConfig(dpy, config_attribs, &config, 1, &n) && n == 1);
    Window win = XCreateSimpleWindow(x, DefaultRootWindow(x), 0, 0, 32, 32, 0, 0, 0);
    XMapWindow(x, win);
    XSync(x, False);
    EGLSurface surf = n == 1 ? eglCreateWindowSurface(dpy, config, (EGLNativeWindowType)win, NULL) : EGL_NO_SURFACE;
    EGLContext ctx = n == 1 ? eglCreateContext(dpy, config, EGL_NO_CONTEXT, context_attribs) : EGL_NO_CONTEXT;
    GLST_CHECK(surf != EGL_NO_SURFACE && ctx != EGL_NO_CONTEXT);
    if (surf == EGL_NO_SURFACE || ctx == EGL_NO_CONTEXT || !eglMakeCurrent(dpy, surf, surf, ctx))
        goto out;
    /* a debug context starts with DEBUG_OUTPUT enabled */
    GLboolean output = glIsEnabled(GL_DEBUG_OUTPUT_KHR);
    glst_note("debug context: DEBUG_OUTPUT %d", output);
    GLST_CHECK(output);
    set_callback(on_message, &user_param_value);
    GLST_ERR("debug context", GL_NO_ERROR);
    int from = seen_count;
    /* no query after the insert: eglSwapBuffers delivers it */
    insert(GL_DEBUG_SOURCE_APPLICATION_KHR, GL_DEBUG_TYPE_MARKER_KHR, 95, GL_DEBUG_SEVERITY_HIGH_KHR, -1, "frame");
    GLST_CHECK(eglSwapBuffers(dpy, surf));
    note_seen("swap", from);
    GLST_CHECK_INT(seen_count - from, 1);
    set_callback(NULL, NULL);
out:
    eglMakeCurrent(egl->dpy, egl->surf, egl->surf, egl->ctx);
    if (ctx != EGL_NO_CONTEXT)
        eglDestroyContext(dpy, ctx);
    if (surf != EGL_NO_SURFACE)
        eglDestroySurface(dpy, surf);
    eglTerminate(dpy);
    XDestroyWindow(x, win);
    XCloseDisplay(x);
}

int main(void)
{
    glst_egl egl;
    glst_observe_open("khr_debug");
    if (!glst_egl_setup(&egl, 16, 16)) {
        GLST_CHECK(!"EGL setup");
        return glst_finish();
    }
    const char *exts = (const char *)glGetString(GL_EXTENSIONS);
    bool yes = glst_has_token(exts, "GL_KHR_debug");
    glst_note("GL_KHR_debug %s", yes ? "advertised" : "absent");
    GLST_CHECK(yes); /* llvmpipe has it, so glstream offers it */
    if (yes) {
        control = proc("glDebugMessageControlKHR");
        insert = proc("glDebugMessageInsertKHR");
        set_callback = proc("glDebugMessageCallbackKHR");
        get_log = proc("glGetDebugMessageLogKHR");
        push = proc("glPushDebugGroupKHR");
        pop = proc("glPopDebugGroupKHR");
        label = proc("glObjectLabelKHR");
        get_label = proc("glGetObjectLabelKHR");
        ptr_label = proc("glObjectPtrLabelKHR");
        get_ptr_label = proc("glGetObjectPtrLabelKHR");
        get_pointer = proc("glGetPointervKHR");
        if (glst_has_token(exts, "GL_OES_vertex_array_object")) {
            gen_vertex_arrays = proc("glGenVertexArraysOES");
            bind_vertex_array = proc("glBindVertexArrayOES");
        }
        GLint max_length = glst_get_int(GL_MAX_DEBUG_MESSAGE_LENGTH_KHR);
        GLST_CHECK(max_length >= 1);
        GLST_CHECK(glst_get_int(GL_MAX_DEBUG_LOGGED_MESSAGES_KHR) >= 1);
        GLST_CHECK(glst_get_int(GL_MAX_DEBUG_GROUP_STACK_DEPTH_KHR) >= 64);
        GLST_CHECK(glst_get_int(GL_MAX_LABEL_LENGTH_KHR) >= 256);
        glst_note("DEBUG_OUTPUT initially %d", glIsEnabled(GL_DEBUG_OUTPUT_KHR));
        glEnable(GL_DEBUG_OUTPUT_KHR);
        GLST_CHECK(glIsEnabled(GL_DEBUG_OUTPUT_KHR));
        GLST_ERR("start", GL_NO_ERROR);
        test_log(max_length);
        test_control();
        test_labels();
        test_callback();
        test_groups();
        test_synchronous();
        test_debug_context_and_swap(&egl);
    }
    GLST_ERR("end", GL_NO_ERROR);
    glst_egl_teardown(&egl);
    glst_observe_close();
    return glst_finish();
}
