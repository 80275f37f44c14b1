// Join application status → the Steps shown on the progress page. Unknown statuses count as under review.
/** Step index and state: submitted → under review → decided (approved, or rejected/withdrawn shown as error). */
export function joinSteps(status: string): { current: number; failed: boolean } {
  if (/^(approved|accepted|joined|done|completed)$/.test(status)) return { current: 2, failed: false };
  if (/^(rejected|declined|withdrawn|cancelled|canceled|closed)$/.test(status)) return { current: 2, failed: true };
  return { current: 1, failed: false };
}
