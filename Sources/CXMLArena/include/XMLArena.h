#ifndef SCRIPTORIUM_XML_ARENA_H
#define SCRIPTORIUM_XML_ARENA_H

#include <stddef.h>

/// libxml2's allocator, replaced (through xmlMemSetup) by one that can serve a thread from a bump arena while
/// it builds, validates and serialises one TEI document. See XMLArena.c for why.

void *scriptorium_xml_malloc(size_t size);
void *scriptorium_xml_realloc(void *pointer, size_t size);
void scriptorium_xml_free(void *pointer);
char *scriptorium_xml_strdup(const char *string);

/// From now until the matching end, libxml2 allocations made on the calling thread come from its arena.
void scriptorium_xml_arena_begin(void);
/// Between suspend and resume the thread's allocations come from malloc again (memory that is freed and
/// reused many times over, such as validation state); what the arena holds stays valid.
void scriptorium_xml_arena_suspend(void);
void scriptorium_xml_arena_resume(void);
/// Forgets everything allocated from the arena since begin (the memory is kept for the next document).
/// Nothing allocated in between may be used afterwards.
void scriptorium_xml_arena_end(void);

/// The document being written on this thread (a number unique to it on this thread) while everything allocated
/// in it so far came from the arena; 0 outside a document, while suspended, or once a block came from malloc.
/// Memory allocated while this stays the same goes away with the arena: freeing it piece by piece is wasted work.
unsigned long scriptorium_xml_arena_scope(void);

/// The document being written on this thread (the same number as scriptorium_xml_arena_scope gave), suspended
/// or not, whatever came from malloc; 0 outside a document.
unsigned long scriptorium_xml_arena_document(void);

/// Gives the free pages of the C heap back to the system (glibc's malloc_trim; nothing elsewhere). A large tree freed
/// block by block leaves its memory in the heap, where only the top can shrink on its own.
void scriptorium_release_free_memory(void);

/// Bytes handed out from the calling thread's arena since begin; 0 outside a document (for tests).
size_t scriptorium_xml_arena_used(void);

#endif
