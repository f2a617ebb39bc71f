import { Body, Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AttendanceService, MarkAttendanceDto, type AttendanceCounts } from '@roundtable/registrations';
import { Authenticated, STAFF } from '../auth/roles.decorator';
import { uuidPipe } from '../http/uuid.pipe';

@ApiTags('registrations')
@Controller('api/v1/events/:id/attendance')
@Authenticated(...STAFF)
export class AttendanceController {
  constructor(private readonly attendance: AttendanceService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Mark people with a place attended (from the day of the event); all or none, already attended is fine',
  })
  @ApiBadRequestResponse({ description: 'An id not of this event, or someone without a place: named.' })
  @ApiConflictResponse({ description: 'A draft or cancelled event, or before the day of the event.' })
  mark(
    @Param('id', uuidPipe('event')) eventId: string,
    @Body() body: MarkAttendanceDto,
  ): Promise<AttendanceCounts> {
    return this.attendance.mark(eventId, body.registrationIds);
  }

  @Delete(':registrationId')
  @ApiOperation({ summary: 'Undo a check-in made by mistake: back to confirmed' })
  undo(
    @Param('id', uuidPipe('event')) eventId: string,
    @Param('registrationId', uuidPipe('registration')) registrationId: string,
  ) {
    return this.attendance.undo(eventId, registrationId);
  }
}
