import { Body, HttpCode, Post, type Type } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentUser, Roles, type Caller, type UserRole } from '@kuaizhuan/identity';
import type { ListingAction } from '../domain/lifecycle';
import { ModerationDecisionDto, RejectDto } from './moderation.dto';
import { IdParam } from './params';

/** What moves a listing through its lifecycle and answers with the owner's view of it. */
export interface ListingLifecycle<V> {
  act(caller: Caller, id: string, action: ListingAction, note?: string | null): Promise<V>;
}

export interface LifecycleRoutesOptions<V> {
  /** The role of the organisations that list this kind (a company's needs, a TTO's achievements). */
  ownerRole: UserRole;
  /** The listing as the summaries name it: "need", "achievement". */
  noun: string;
  /** The owner's view, each route's answer. */
  view: Type<V>;
}

/**
 * The six lifecycle routes a listing controller serves under `:id/` (submit, withdraw, match,
 * close, approve, reject), written once for needs and achievements. A controller extends the class
 * this returns and names its service as `lifecycle`; the routes keep the controller's path and
 * operation ids (`NeedsController_submit`…), since Nest and Swagger read the methods of the subclass.
 */
export function ListingLifecycleRoutes<V>({ ownerRole, noun, view }: LifecycleRoutesOptions<V>) {
  abstract class LifecycleRoutes {
    protected abstract readonly lifecycle: ListingLifecycle<V>;

    @Post(':id/submit')
    @HttpCode(200)
    @Roles(ownerRole)
    @ApiOperation({ summary: 'Sends a draft to moderation.' })
    @ApiOkResponse({ type: view })
    submit(@CurrentUser() caller: Caller, @IdParam() id: string): Promise<V> {
      return this.lifecycle.act(caller, id, 'submit');
    }

    @Post(':id/withdraw')
    @HttpCode(200)
    @Roles(ownerRole)
    @ApiOperation({ summary: `Takes a submitted or published ${noun} back to draft, e.g. to edit it.` })
    @ApiOkResponse({ type: view })
    withdraw(@CurrentUser() caller: Caller, @IdParam() id: string): Promise<V> {
      return this.lifecycle.act(caller, id, 'withdraw');
    }

    @Post(':id/match')
    @HttpCode(200)
    @Roles(ownerRole, 'manager', 'admin')
    @ApiOperation({ summary: `Marks a published ${noun} as matched.` })
    @ApiOkResponse({ type: view })
    match(@CurrentUser() caller: Caller, @IdParam() id: string): Promise<V> {
      return this.lifecycle.act(caller, id, 'match');
    }

    @Post(':id/close')
    @HttpCode(200)
    @Roles(ownerRole, 'manager', 'admin')
    @ApiOperation({ summary: `Closes ${article(noun)} ${noun} for good.` })
    @ApiOkResponse({ type: view })
    close(@CurrentUser() caller: Caller, @IdParam() id: string): Promise<V> {
      return this.lifecycle.act(caller, id, 'close');
    }

    @Post(':id/approve')
    @HttpCode(200)
    @Roles('manager', 'admin')
    @ApiOperation({ summary: `Publishes a submitted ${noun} (moderators).` })
    @ApiOkResponse({ type: view })
    approve(@CurrentUser() caller: Caller, @IdParam() id: string, @Body() body: ModerationDecisionDto): Promise<V> {
      return this.lifecycle.act(caller, id, 'approve', body.reason ?? null);
    }

    @Post(':id/reject')
    @HttpCode(200)
    @Roles('manager', 'admin')
    @ApiOperation({ summary: `Sends a submitted ${noun} back to its owner with a reason (moderators).` })
    @ApiOkResponse({ type: view })
    reject(@CurrentUser() caller: Caller, @IdParam() id: string, @Body() body: RejectDto): Promise<V> {
      return this.lifecycle.act(caller, id, 'reject', body.reason);
    }
  }
  return LifecycleRoutes;
}

function article(noun: string): string {
  return /^[aeiou]/.test(noun) ? 'an' : 'a';
}
