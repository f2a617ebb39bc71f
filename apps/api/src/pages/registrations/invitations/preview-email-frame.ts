import type { InvitationPreviews } from '@roundtable/registrations';
import { InvitationPreviewGone } from '@roundtable/registrations';
import type { Response } from 'express';

/**
 * The previewed email's HTML for the preview page's sandboxed frame (staff and partner pages
 * alike): under its own policy that lets nothing load or run, or a 410 once the preview is gone.
 */
export async function sendPreviewEmailFrame(
  res: Response,
  previews: InvitationPreviews,
  preview: { previewId: string; userId: string; eventId: string },
): Promise<void> {
  try {
    const kept = await previews.peek(preview.previewId, preview.userId, preview.eventId);
    res
      .status(200)
      .set(
        'Content-Security-Policy',
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox allow-scripts",
      )
      .type('html')
      .send(kept.sample.html);
  } catch (error) {
    if (!(error instanceof InvitationPreviewGone)) throw error;
    res.status(410).type('text').send('This preview has expired.');
  }
}
