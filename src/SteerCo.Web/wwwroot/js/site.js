// Loads a committee's children the first time its branch of the tree is opened.
document.addEventListener("toggle", async (event) => {
  const details = event.target;
  if (!(details instanceof HTMLDetailsElement) || !details.open || !details.dataset.children || details.dataset.loaded) {
    return;
  }
  details.dataset.loaded = "1";
  try {
    const response = await fetch(details.dataset.children, { headers: { "Accept": "text/html" } });
    if (!response.ok) throw new Error(response.statusText);
    const html = await response.text();
    const placeholder = details.querySelector(".loading");
    const holder = document.createElement("div");
    holder.innerHTML = html;
    placeholder.replaceWith(...holder.childNodes);
  } catch {
    delete details.dataset.loaded;
    const placeholder = details.querySelector(".loading");
    if (placeholder) placeholder.textContent = "⚠";
  }
}, true);

// Asks before a form marked data-confirm is sent, or before a button so marked sends its form.
document.addEventListener("submit", (event) => {
  const message = (event.submitter && event.submitter.dataset.confirm) || (event.target.dataset && event.target.dataset.confirm);
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});

// Says a file is too large before sending it: the server would read it all only to refuse it.
document.addEventListener("submit", (event) => {
  const form = event.target;
  const max = form.dataset && Number(form.dataset.maxBytes);
  const input = max && form.querySelector("input[type=file]");
  const file = input && input.files && input.files[0];
  if (file && file.size > max) {
    event.preventDefault();
    const error = form.parentElement.querySelector(".upload-error");
    if (error) {
      error.textContent = form.dataset.tooLarge;
      error.hidden = false;
    }
  }
});

// On a phone the tree starts folded, so the page's own content comes first.
if (window.matchMedia("(max-width: 48rem)").matches) {
  document.querySelectorAll("details.tree-box").forEach((box) => box.removeAttribute("open"));
}

// Shows a part of a form only when a choice applies to it: data-show-when="Input.Direction=Outgoing,Internal".
function applyShowWhen(form) {
  form.querySelectorAll("[data-show-when]").forEach((part) => {
    const [name, values] = part.dataset.showWhen.split("=");
    const chosen = form.querySelector(`[name="${name}"]:checked`);
    part.hidden = !!chosen && !values.split(",").includes(chosen.value);
  });
}
document.querySelectorAll("form").forEach((form) => {
  if (form.querySelector("[data-show-when]")) {
    applyShowWhen(form);
    form.addEventListener("change", () => applyShowWhen(form));
  }
});

// Choosing a regime checks who reports as it says (data-recipients: the radios' values it allows,
// the first when the one checked is not among them).
document.addEventListener("change", (event) => {
  const select = event.target;
  const allowed = select.tagName === "SELECT" && select.selectedOptions[0]?.dataset.recipients?.split(",");
  if (!allowed || !select.form) return;
  const checked = select.form.querySelector('input[name="Input.Recipients"]:checked');
  if (checked && allowed.includes(checked.value)) return;
  const radio = select.form.querySelector(`input[name="Input.Recipients"][value="${allowed[0]}"]`);
  if (!radio) return;
  radio.checked = true;
  radio.dispatchEvent(new Event("change", { bubbles: true }));
});

// A date picker beside a dd/MM/yyyy field (data-date-for names the field): picking a day fills the field and sends the form.
document.addEventListener("change", (event) => {
  const picker = event.target;
  const id = picker.dataset && picker.dataset.dateFor;
  const field = id && document.getElementById(id);
  if (!field || !picker.value) return;
  const [year, month, day] = picker.value.split("-");
  field.value = `${day}/${month}/${year}`;
  if (picker.form) picker.form.requestSubmit();
});
