import { ApiProperty } from '@nestjs/swagger';

/**
 * The one answer to a public registration or a "send me my link" request, whatever the address:
 * whether it was already registered is personal, so the answer never says, and it never carries
 * a token or an id. What happened is in the email sent to the address.
 */
export class RegistrationReceivedView {
  @ApiProperty({ enum: ['received'], example: 'received' })
  status: 'received';

  @ApiProperty({
    example:
      'We have emailed sam@example.org. The email says whether you have a place or are on the waiting list, and has your private link to see, change or cancel your registration. If it has not arrived in a few minutes, check your spam folder, or ask for your link again.',
  })
  message: string;
}

/** The address as it was typed (trimmed): the caller gave it, so it tells them nothing new. */
export function registrationReceived(email: string): RegistrationReceivedView {
  return {
    status: 'received',
    message: `We have emailed ${email.trim()}. The email says whether you have a place or are on the waiting list, and has your private link to see, change or cancel your registration. If it has not arrived in a few minutes, check your spam folder, or ask for your link again.`,
  };
}

export function linkRequestReceived(email: string): RegistrationReceivedView {
  return {
    status: 'received',
    message: `If ${email.trim()} is registered for this event, we have emailed it the private link. If it has not arrived in a few minutes, check your spam folder.`,
  };
}
