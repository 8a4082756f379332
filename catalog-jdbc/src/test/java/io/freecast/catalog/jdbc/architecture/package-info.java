/** ArchUnit rules for the storage adapter's boundaries. */
package io.freecast.catalog.jdbc.architecture;
