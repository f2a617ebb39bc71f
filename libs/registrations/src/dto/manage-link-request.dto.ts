import { PickType } from '@nestjs/swagger';
import { RegisterDto } from './registration.dto';

/** "Send me my link again": the address only, under the same rule as a registration's. */
export class ManageLinkRequestDto extends PickType(RegisterDto, ['email'] as const) {}
