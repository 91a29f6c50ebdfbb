// What tfjs would do if it compiled code at run time: under the test's CSP this must be blocked
// and reported as a securitypolicyviolation, which proves the CSP test would catch it.
let outcome;
try {
  outcome = new Function("return 'evaluated'")();
} catch (error) {
  outcome = `blocked: ${error.name}`;
}
document.getElementById("result").textContent = outcome;
