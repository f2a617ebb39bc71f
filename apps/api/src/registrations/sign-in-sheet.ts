import { ApiProperty } from '@nestjs/swagger';
import { toEventView } from '@roundtable/events';
import type { RegistrationList } from './registration-lists';
import { accessNeedWords, attendanceWords, displayName, roleLabel } from './registrations-csv';

/** One line of the sign-in sheet: the person, and what to have ready for them. */
export class SignInSheetPersonDto {
  @ApiProperty({ format: 'uuid' })
  registrationId: string;
  @ApiProperty({ example: 'Zara Young' })
  name: string;
  @ApiProperty({ example: 'Parent or carer' })
  role: string;
  @ApiProperty({ example: 'A British Sign Language (BSL) interpreter' })
  accessNeeds: string;
  @ApiProperty({ type: String, nullable: true })
  accessNotes: string | null;
  @ApiProperty({ type: String, nullable: true, example: '07700 900123' })
  phone: string | null;
  @ApiProperty({ example: 'In person', description: 'In person or Online.' })
  attendance: string;
  @ApiProperty({ example: 2, description: 'The person and the people coming with them.' })
  partySize: number;
  @ApiProperty({ description: 'Already checked in.' })
  checkedIn: boolean;
}

export class SignInSheetDto {
  @ApiProperty({ format: 'uuid' })
  eventId: string;
  @ApiProperty()
  title: string;
  @ApiProperty({ example: 'Monday 16 March 2026, 6:30pm to 8:30pm' })
  when: string;
  @ApiProperty({ type: [SignInSheetPersonDto] })
  people: SignInSheetPersonDto[];
}

export type SignInSheet = SignInSheetDto;

/** The sheet as the page prints it and the API gives it. */
export function toSignInSheet({ event, registrations }: RegistrationList): SignInSheet {
  const view = toEventView(event);
  return {
    eventId: event.id,
    title: event.title,
    when: view.when,
    people: registrations.map((registration) => ({
      registrationId: registration.id,
      name: displayName(registration),
      role: roleLabel(registration.role),
      accessNeeds: accessNeedWords(registration.accessNeeds),
      accessNotes: registration.accessNotes,
      phone: registration.phone,
      attendance: attendanceWords(registration.attendance),
      partySize: 1 + registration.companions,
      checkedIn: registration.status === 'attended',
    })),
  };
}
