/** Keyset paging of the title lists: which index ranges a page reads, on each database. */
package io.freecast.catalog.jdbc.paging;
