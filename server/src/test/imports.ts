// Roster helpers for tests of other modules that need members to arrive through a real import.
export { newId, rosterXlsx, upload, waitForImport } from '../modules/member-imports/member-imports.testkit.ts';
