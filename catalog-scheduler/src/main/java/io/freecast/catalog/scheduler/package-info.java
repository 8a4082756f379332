/**
 * The catalog's scheduler: runs the core's tasks on intervals or cron expressions
 * ({@link io.freecast.catalog.scheduler.Schedule}), through the core's
 * {@link io.freecast.catalog.port.in.TaskAdministration} port, which records every run and claims the
 * task's lease so that each slot runs on exactly one node. Entry point:
 * {@link io.freecast.catalog.scheduler.CatalogScheduler}.
 */
package io.freecast.catalog.scheduler;
