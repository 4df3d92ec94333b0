// A failure the person at the screen must notice: announced at once by screen readers (role
// alert), and nothing at all when there is no error.
export interface ErrorAlertProps {
  error: string | null;
}

export function ErrorAlert({ error }: ErrorAlertProps) {
  if (!error) return null;
  return (
    <p class="error" role="alert">
      {error}
    </p>
  );
}
