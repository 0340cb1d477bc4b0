// A bump allocator for libxml2, per thread and per document.
//
// Building a TEI tree costs libxml2 one malloc per node, per attribute and per text, and freeing it one free each:
// about a fifth of the TEI stage went to the C allocator. Every one of those blocks lives exactly as long as the
// document's tree, so while a document is being written its thread takes them from an arena (a pointer bump in
// chunks that are kept and reused), frees are no-ops, and the whole arena is rewound when the document is done.
//
// Every block handed out, from the arena or from malloc, starts with a 16-byte header: its size (for realloc)
// and a tag saying where it came from. The allocator is installed when the program is loaded (the constructor
// at the end), before any libxml2 routine runs, as xmlMemSetup requires: so every block libxml2 frees or grows
// came from here and has a header, and no memory of anyone else's is ever read. Large blocks (output buffers)
// always come from malloc, so an arena stays small and a growing buffer is not copied into ever larger arena
// blocks.

#include "XMLArena.h"

#include <libxml/xmlmemory.h>

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

enum {
    header_size = 16,
    chunk_size = 256 * 1024,
    /// Larger requests go to malloc even inside a document.
    largest_arena_block = 16 * 1024,
    /// Chunks a thread keeps between documents; more are freed at the end of a document.
    chunks_kept = 16,
};

static const uint64_t tag_heap = 0x7363726970746f48ULL;   // "scriptoH"
static const uint64_t tag_arena = 0x7363726970746f41ULL;  // "scriptoA"

typedef struct header {
    uint64_t size;
    uint64_t tag;
} header;

typedef struct chunk {
    struct chunk *next;
    size_t capacity;
    uint64_t padding[2];  // keeps the first block 16-byte aligned
} chunk;

typedef struct arena {
    int open;          // between begin and end
    int active;        // open and not suspended
    chunk *first;      // chunks in order of use
    chunk *current;
    size_t used;       // bytes used in `current`
    size_t handed_out; // bytes handed out since begin
    unsigned long scope; // counts the documents (begin calls) on this thread
    int spilled;       // a block was taken from malloc while the arena was active
} arena;

static _Thread_local arena thread_arena;

// A thread's chunks go back to libc when the thread ends (the pipeline's worker threads end with each build).
static pthread_key_t chunks_key;
static pthread_once_t chunks_key_once = PTHREAD_ONCE_INIT;

static void free_chunks(void *first) {
    chunk *c = first;
    while (c != NULL) {
        chunk *next = c->next;
        free(c);
        c = next;
    }
}

static void make_chunks_key(void) { pthread_key_create(&chunks_key, free_chunks); }

static inline header *header_of(void *pointer) { return (header *)((char *)pointer - header_size); }

static void *heap_block(size_t size) {
    if (size > SIZE_MAX - header_size) return NULL;
    header *h = malloc(header_size + size);
    if (h == NULL) return NULL;
    h->size = size;
    h->tag = tag_heap;
    return (char *)h + header_size;
}

static chunk *new_chunk(void) {
    chunk *c = malloc(sizeof(chunk) + chunk_size);
    if (c == NULL) return NULL;
    c->next = NULL;
    c->capacity = chunk_size;
    return c;
}

static void *arena_block(arena *a, size_t size) {
    size_t needed = (header_size + size + 15) & ~(size_t)15;
    if (a->current == NULL || a->used + needed > a->current->capacity) {
        chunk *next = a->current ? a->current->next : a->first;
        if (next == NULL) {
            next = new_chunk();
            if (next == NULL) return NULL;
            if (a->current) {
                a->current->next = next;
            } else {
                a->first = next;
                pthread_once(&chunks_key_once, make_chunks_key);
                pthread_setspecific(chunks_key, next);
            }
        }
        a->current = next;
        a->used = 0;
    }
    header *h = (header *)((char *)(a->current + 1) + a->used);
    a->used += needed;
    a->handed_out += needed;
    h->size = size;
    h->tag = tag_arena;
    return (char *)h + header_size;
}

void *scriptorium_xml_malloc(size_t size) {
    arena *a = &thread_arena;
    if (a->active) {
        if (size <= largest_arena_block) return arena_block(a, size);
        a->spilled = 1;
    }
    return heap_block(size);
}

void scriptorium_xml_free(void *pointer) {
    if (pointer == NULL) return;
    header *h = header_of(pointer);
    if (h->tag == tag_arena) return;  // rewound with the whole arena
    // Every other block is a heap block of ours (see the constructor): anything else is a broken invariant.
    if (h->tag != tag_heap) abort();
    h->tag = 0;
    free(h);
}

void *scriptorium_xml_realloc(void *pointer, size_t size) {
    if (pointer == NULL) return scriptorium_xml_malloc(size);
    header *h = header_of(pointer);
    if (h->tag == tag_heap) {
        header *grown = realloc(h, header_size + size);
        if (grown == NULL) return NULL;
        grown->size = size;
        return (char *)grown + header_size;
    }
    if (h->tag != tag_arena) abort();  // neither ours from the heap nor from the arena: see the constructor
    if (size <= h->size) return pointer;
    void *moved = scriptorium_xml_malloc(size);
    if (moved == NULL) return NULL;
    memcpy(moved, pointer, h->size);
    return moved;
}

char *scriptorium_xml_strdup(const char *string) {
    size_t length = strlen(string) + 1;
    char *copy = scriptorium_xml_malloc(length);
    if (copy != NULL) memcpy(copy, string, length);
    return copy;
}

void scriptorium_xml_arena_begin(void) {
    arena *a = &thread_arena;
    // A document inside a document would rewind the outer one's live memory when it ends.
    if (a->open) abort();
    a->open = 1;
    a->active = 1;
    a->scope += 1;
    a->spilled = 0;
    a->current = NULL;
    a->used = 0;
    a->handed_out = 0;
}

void scriptorium_xml_arena_suspend(void) { thread_arena.active = 0; }

void scriptorium_xml_arena_resume(void) { thread_arena.active = thread_arena.open; }

void scriptorium_xml_arena_end(void) {
    arena *a = &thread_arena;
    a->open = 0;
    a->active = 0;
    // Keep a few chunks for the next document; a very large document's chunks go back to libc.
    chunk *c = a->first;
    for (int kept = 1; c != NULL && kept < chunks_kept; kept++) c = c->next;
    if (c != NULL) {
        free_chunks(c->next);
        c->next = NULL;
    }
    a->current = NULL;
    a->used = 0;
    a->handed_out = 0;
}

size_t scriptorium_xml_arena_used(void) { return thread_arena.handed_out; }

unsigned long scriptorium_xml_arena_scope(void) {
    arena *a = &thread_arena;
    return (a->active && !a->spilled) ? a->scope : 0;
}

unsigned long scriptorium_xml_arena_document(void) {
    arena *a = &thread_arena;
    return a->open ? a->scope : 0;
}

void scriptorium_release_free_memory(void) {
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

// libxml2 gets this allocator when the program is loaded, before main and so before any libxml2 routine: every
// pointer it later hands to the functions above was allocated by them.
__attribute__((constructor)) static void scriptorium_xml_install(void) {
    xmlMemSetup(scriptorium_xml_free, scriptorium_xml_malloc, scriptorium_xml_realloc, scriptorium_xml_strdup);
}
