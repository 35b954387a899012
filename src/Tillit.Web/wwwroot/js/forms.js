// Enter in a form that holds a system search (_SystemSearch.cshtml). A browser submits such a form with its first
// submit button, which there is the search, placed before the form's own Save. So Enter in the search field
// searches, and Enter in any other field submits with the form's own button, as in every other form.
document.addEventListener('keydown', function (event) {
  if (event.key !== 'Enter' || event.defaultPrevented || event.isComposing) {
    return;
  }
  var field = event.target;
  if (!(field instanceof HTMLInputElement) || !field.form || /^(submit|button|reset|image|file)$/.test(field.type)) {
    return;
  }
  var form = field.form;
  var search = form.querySelector('button[data-system-search]');
  if (!search) {
    return;
  }
  var button = field.name === 'SystemSearch' ? search : form.querySelector('button[type=submit]:not([formaction])');
  if (button) {
    event.preventDefault();
    form.requestSubmit(button);
  }
});
