// Starts GOV.UK Frontend's components (error summary focus, password reveal, the menu on small
// screens). The pages work without it; this only adds to them.
import { initAll } from '/govuk/govuk-frontend.min.js';

initAll();
