import { Controller, Get, Query, Render, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { User } from '@roundtable/identity';
import { CaseworkQueueService } from '@roundtable/testimony';
import { CurrentUser } from '../../auth/current-user.decorator';
import { StaffPageGuard } from '../../auth/pages/staff-page.guard';
import { PAGE_SIZE, paginationView, readPageNumber } from '../forms/pagination';
import { CASEWORK_STATUS_LABELS, summaryLabels, whenLabel } from './testimony-labels';

/** The casework queue as a page: open referrals first; each links to its testimony. Audited. */
@ApiExcludeController()
@Controller('staff/casework')
@UseGuards(StaffPageGuard)
export class StaffCaseworkPagesController {
  constructor(private readonly casework: CaseworkQueueService) {}

  @Get()
  @Render('pages/testimonies/casework.njk')
  async list(@Query() query: Record<string, unknown>, @CurrentUser() user: User) {
    const page = readPageNumber(query);
    const result = await this.casework.list({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, user.id);
    return {
      referrals: result.items.map((item) => ({
        ...item,
        statusLabel: CASEWORK_STATUS_LABELS[item.status] ?? item.status,
        requested: whenLabel(item.createdAt),
        labels: summaryLabels({
          ...item.testimony,
          status: 'new',
          quoteConsent: 'office-only',
          source: 'public',
          safeguardingFlag: null,
        }),
      })),
      total: result.total,
      pagination: paginationView('/staff/casework', query, page, result.total),
    };
  }
}
