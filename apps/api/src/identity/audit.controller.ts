import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditLog } from '@roundtable/identity';
import type { Page } from '@roundtable/platform';
import { Authenticated } from '../auth/roles.decorator';
import { toAuditEntryView, type AuditEntryView } from './audit-entry.view';
import { AuditQueryDto } from './audit-query.dto';

@ApiTags('identity')
@Controller('api/v1/audit')
@Authenticated('admin')
export class AuditController {
  constructor(private readonly audit: AuditLog) {}

  @Get()
  @ApiOperation({ summary: 'The audit log, newest first (admins only): who read, changed or exported what' })
  async list(@Query() query: AuditQueryDto): Promise<Page<AuditEntryView>> {
    const page = await this.audit.list({
      actorId: query.actor,
      action: query.action,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      limit: query.limit,
      offset: query.offset,
    });
    return { items: page.items.map(toAuditEntryView), total: page.total };
  }
}
