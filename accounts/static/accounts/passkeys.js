// After django-otp-webauthn has registered a passkey (its script sends this
// event from the button), go on to the page with the backup codes.
document.addEventListener('otp_webauthn.register_complete', (event) => {
  const url = event.target.dataset.doneUrl;
  if (url) {
    window.location.assign(url);
  }
});
