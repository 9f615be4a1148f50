/** The file layer of 分发与回收: forms to .xlsx bytes and a .zip, a collect written into a copy of the master. */
export { writeForm, writeForms, zipForms, FORM_DEFINED_NAME } from "./writeForm";
export { applyCollect } from "./applyCollect";
