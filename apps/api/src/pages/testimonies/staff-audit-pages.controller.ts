import { Controller, ForbiddenException, Get, Query, Render, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AuditLog, type User } from '@roundtable/identity';
import { CurrentUser } from '../../auth/current-user.decorator';
import { StaffPageGuard } from '../../auth/pages/staff-page.guard';
import { PAGE_SIZE, paginationView, readPageNumber } from '../forms/pagination';
import { whenLabel } from './testimony-labels';

/** The audit log for admins: who read, changed or exported testimony, and when. Ids only. */
@ApiExcludeController()
@Controller('staff/audit')
@UseGuards(StaffPageGuard)
export class StaffAuditPagesController {
  constructor(private readonly audit: AuditLog) {}

  @Get()
  @Render('pages/testimonies/audit.njk')
  async list(@Query() query: Record<string, unknown>, @CurrentUser() user: User) {
    if (user.role !== 'admin') throw new ForbiddenException('Only admins can read the audit log.');
    const page = readPageNumber(query);
    const result = await this.audit.list({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
    return {
      entries: result.items.map((entry) => ({
        ...entry,
        when: whenLabel(entry.at),
        details: Object.entries(entry.detail).map(([key, value]) => ({
          key,
          value: Array.isArray(value) ? value.join(', ') : String(value),
        })),
      })),
      total: result.total,
      pagination: paginationView('/staff/audit', query, page, result.total),
    };
  }
}
