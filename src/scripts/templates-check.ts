/**
 * `npm run templates:check`: every registered document template against its sample model and
 * mandatory elements. Prints the report; exits 1 on any problem.
 */
import { checkAllTemplates, formatTemplateReport } from '../documents/check-templates.js';
import { missingDocumentKinds } from '../documents/document-registry.js';

const results = checkAllTemplates();
console.log(formatTemplateReport(results));
const missing = missingDocumentKinds();
if (missing.length > 0) {
  console.log(`no template yet (not an error): ${missing.join(', ')}`);
}
const problems = results.reduce((total, result) => total + result.missing.length, 0);
if (problems > 0) {
  console.error(`templates:check: ${problems} problem(s)`);
  process.exitCode = 1;
} else {
  console.log(`templates:check: ${results.length} template(s) ok`);
}
