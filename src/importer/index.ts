/** AWS CLI exports into snapshots: the export folder layout, a single authorization-details file, or either. */
export { importExportFolder } from "./import-export.js";
export { importAuthorizationDetailsFile, loadAuditInput } from "./load-input.js";
export { MAX_ERROR_FILE_BYTES, MAX_OUTPUT_FILE_BYTES } from "./read-file.js";
