/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query AdminSocialAreas($includeInactive: Boolean!) {\n    socialAreas(includeInactive: $includeInactive) {\n      id\n      name\n      active\n      revision\n      regionalTeam {\n        id\n        name\n      }\n      viewerCan {\n        update\n      }\n    }\n    regionalTeams(includeInactive: true) {\n      id\n      name\n      active\n    }\n  }\n": typeof types.AdminSocialAreasDocument,
    "\n  mutation CreateSocialArea($input: CreateSocialAreaInput!) {\n    createSocialArea(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateSocialAreaDocument,
    "\n  mutation UpdateSocialArea($input: UpdateSocialAreaInput!) {\n    updateSocialArea(input: $input) {\n      id\n      revision\n    }\n  }\n": typeof types.UpdateSocialAreaDocument,
    "\n  query AdminRegionalTeams($includeInactive: Boolean!) {\n    regionalTeams(includeInactive: $includeInactive) {\n      id\n      name\n      active\n      revision\n      socialAreas {\n        id\n        name\n      }\n      viewerCan {\n        update\n      }\n    }\n  }\n": typeof types.AdminRegionalTeamsDocument,
    "\n  mutation CreateRegionalTeam($input: CreateRegionalTeamInput!) {\n    createRegionalTeam(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateRegionalTeamDocument,
    "\n  mutation UpdateRegionalTeam($input: UpdateRegionalTeamInput!) {\n    updateRegionalTeam(input: $input) {\n      id\n      revision\n    }\n  }\n": typeof types.UpdateRegionalTeamDocument,
    "\n  query AdminProviders($includeInactive: Boolean!) {\n    providers(includeInactive: $includeInactive) {\n      id\n      name\n      street\n      postalCode\n      city\n      contactName\n      contactEmail\n      contactPhone\n      active\n      revision\n      viewerCan {\n        update\n      }\n    }\n  }\n": typeof types.AdminProvidersDocument,
    "\n  mutation CreateProvider($input: CreateProviderInput!) {\n    createProvider(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateProviderDocument,
    "\n  mutation UpdateProvider($input: UpdateProviderInput!) {\n    updateProvider(input: $input) {\n      id\n      revision\n    }\n  }\n": typeof types.UpdateProviderDocument,
    "\n  query AdminOfferCategories($includeInactive: Boolean!) {\n    offerCategories(includeInactive: $includeInactive) {\n      id\n      name\n      description\n      financingKind\n      active\n      revision\n      viewerCan {\n        update\n      }\n    }\n  }\n": typeof types.AdminOfferCategoriesDocument,
    "\n  mutation CreateOfferCategory($input: CreateOfferCategoryInput!) {\n    createOfferCategory(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateOfferCategoryDocument,
    "\n  mutation UpdateOfferCategory($input: UpdateOfferCategoryInput!) {\n    updateOfferCategory(input: $input) {\n      id\n      revision\n    }\n  }\n": typeof types.UpdateOfferCategoryDocument,
    "\n  query AdminBudgetYears($includeInactive: Boolean!) {\n    budgetYears(includeInactive: $includeInactive) {\n      id\n      year\n      startsOn\n      endsOn\n      closed\n      revision\n      viewerCan {\n        update\n      }\n    }\n  }\n": typeof types.AdminBudgetYearsDocument,
    "\n  mutation CreateBudgetYear($input: CreateBudgetYearInput!) {\n    createBudgetYear(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateBudgetYearDocument,
    "\n  mutation UpdateBudgetYear($input: UpdateBudgetYearInput!) {\n    updateBudgetYear(input: $input) {\n      id\n      revision\n    }\n  }\n": typeof types.UpdateBudgetYearDocument,
    "\n  query AuditEvents($filter: AuditEventFilter, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        occurredAt\n        requestId\n        userId\n        userName\n        role\n        operation\n        entityType\n        entityId\n        outcome\n        details\n        justification\n      }\n      totalCount\n      endCursor\n      hasNextPage\n    }\n  }\n": typeof types.AuditEventsDocument,
    "\n  query AuditUsers {\n    users {\n      id\n      displayName\n      email\n    }\n  }\n": typeof types.AuditUsersDocument,
    "\n  fragment AdminUser on User {\n    id\n    email\n    displayName\n    roles\n    active\n    mustChangePassword\n    revision\n    createdAt\n    provider {\n      id\n      name\n    }\n    regionalTeam {\n      id\n      name\n    }\n    socialAreas {\n      id\n      name\n    }\n    viewerCan {\n      update\n      resetPassword\n      deactivate\n      reactivate\n    }\n  }\n": typeof types.AdminUserFragmentDoc,
    "\n  query AdminUsers {\n    users {\n      ...AdminUser\n    }\n    providers(includeInactive: true) {\n      id\n      name\n      active\n    }\n    regionalTeams(includeInactive: true) {\n      id\n      name\n      active\n    }\n    socialAreas(includeInactive: true) {\n      id\n      name\n      active\n    }\n  }\n": typeof types.AdminUsersDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      user {\n        ...AdminUser\n      }\n      initialPassword\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      ...AdminUser\n    }\n  }\n": typeof types.UpdateUserDocument,
    "\n  mutation ResetPassword($id: UUID!) {\n    resetPassword(id: $id) {\n      user {\n        ...AdminUser\n      }\n      initialPassword\n    }\n  }\n": typeof types.ResetPasswordDocument,
    "\n  mutation DeactivateUser($id: UUID!) {\n    deactivateUser(id: $id) {\n      ...AdminUser\n    }\n  }\n": typeof types.DeactivateUserDocument,
    "\n  mutation ReactivateUser($id: UUID!) {\n    reactivateUser(id: $id) {\n      ...AdminUser\n    }\n  }\n": typeof types.ReactivateUserDocument,
    "\n  fragment CallSummary on CallForInterest {\n    id\n    title\n    deadline\n    isOpen\n    openToAll\n    countyWide\n    financingKind\n    situationDescription\n    openedByName\n    createdAt\n    closedAt\n    closedByName\n    socialArea {\n      id\n      name\n    }\n    offerCategory {\n      id\n      name\n      description\n    }\n    invitedProviders {\n      id\n      name\n    }\n  }\n": typeof types.CallSummaryFragmentDoc,
    "\n  fragment ApplicationListItem on Application {\n    id\n    state\n    submittedAt\n    updatedAt\n    provider {\n      id\n      name\n    }\n    call {\n      id\n      title\n      deadline\n    }\n    revisions {\n      id\n      number\n      requestedAmount\n    }\n  }\n": typeof types.ApplicationListItemFragmentDoc,
    "\n  query CallsForInterest {\n    callsForInterest {\n      ...CallSummary\n      viewerCan {\n        apply\n      }\n    }\n  }\n": typeof types.CallsForInterestDocument,
    "\n  query CallForInterest($id: UUID!) {\n    callForInterest(id: $id) {\n      ...CallSummary\n      need {\n        id\n      }\n      viewerCan {\n        apply\n        close\n      }\n      applications {\n        ...ApplicationListItem\n      }\n    }\n  }\n": typeof types.CallForInterestDocument,
    "\n  query Applications($filter: ApplicationFilter) {\n    applications(filter: $filter) {\n      ...ApplicationListItem\n    }\n  }\n": typeof types.ApplicationsDocument,
    "\n  query Application($id: UUID!) {\n    application(id: $id) {\n      id\n      state\n      revision\n      createdAt\n      createdByName\n      submittedAt\n      updatedAt\n      withdrawnAt\n      changeRequestComment\n      changesRequestedAt\n      changesRequestedByName\n      offerDescriptionData\n      costCalculationData\n      offerDescriptionVersion {\n        ...RenderableFormVersion\n      }\n      costCalculationVersion {\n        ...RenderableFormVersion\n      }\n      provider {\n        id\n        name\n      }\n      call {\n        ...CallSummary\n        need {\n          id\n        }\n      }\n      revisions {\n        id\n        number\n        submittedAt\n        submittedByName\n        requestedAmount\n      }\n      viewerCan {\n        readData\n        saveDraft\n        submit\n        withdraw\n        requestChanges\n        score\n      }\n    }\n  }\n": typeof types.ApplicationDocument,
    "\n  query ApplicationRevisionDiff($id: UUID!, $fromRevision: Int!, $toRevision: Int!) {\n    application(id: $id) {\n      id\n      revisionDiff(fromRevision: $fromRevision, toRevision: $toRevision) {\n        formKey\n        formTitle\n        path\n        label\n        before\n        after\n      }\n    }\n  }\n": typeof types.ApplicationRevisionDiffDocument,
    "\n  mutation CreateApplication($input: CreateApplicationInput!) {\n    createApplication(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateApplicationDocument,
    "\n  mutation SaveApplicationDraft($input: SaveApplicationDraftInput!) {\n    saveApplicationDraft(input: $input) {\n      id\n      revision\n      updatedAt\n    }\n  }\n": typeof types.SaveApplicationDraftDocument,
    "\n  mutation SubmitApplication($input: SubmitApplicationInput!) {\n    submitApplication(input: $input) {\n      application {\n        id\n        revision\n        state\n      }\n      errors {\n        path\n        message\n      }\n      errorCount\n    }\n  }\n": typeof types.SubmitApplicationDocument,
    "\n  mutation RequestApplicationChanges($input: RequestApplicationChangesInput!) {\n    requestApplicationChanges(input: $input) {\n      id\n      revision\n      state\n    }\n  }\n": typeof types.RequestApplicationChangesDocument,
    "\n  mutation WithdrawApplication($input: WithdrawApplicationInput!) {\n    withdrawApplication(input: $input) {\n      id\n      revision\n      state\n    }\n  }\n": typeof types.WithdrawApplicationDocument,
    "\n  query NeedCall($id: UUID!) {\n    need(id: $id) {\n      id\n      state\n      revision\n      viewerCan {\n        openCallForInterest\n        closeCallForInterest\n      }\n      callForInterest {\n        ...CallSummary\n        applications {\n          ...ApplicationListItem\n        }\n      }\n    }\n  }\n": typeof types.NeedCallDocument,
    "\n  query CallOptions {\n    offerCategories {\n      id\n      name\n      financingKind\n    }\n    providers {\n      id\n      name\n    }\n  }\n": typeof types.CallOptionsDocument,
    "\n  mutation OpenCallForInterest($input: OpenCallForInterestInput!) {\n    openCallForInterest(input: $input) {\n      id\n      revision\n      state\n    }\n  }\n": typeof types.OpenCallForInterestDocument,
    "\n  mutation CloseCallForInterest($input: CloseCallForInterestInput!) {\n    closeCallForInterest(input: $input) {\n      id\n      revision\n      state\n    }\n  }\n": typeof types.CloseCallForInterestDocument,
    "\n  fragment CurrentUser on User {\n    id\n    email\n    displayName\n    roles\n    mustChangePassword\n    provider {\n      id\n      name\n    }\n    regionalTeam {\n      id\n      name\n    }\n    socialAreas {\n      id\n      name\n    }\n  }\n": typeof types.CurrentUserFragmentDoc,
    "\n  query Me {\n    me {\n      ...CurrentUser\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...CurrentUser\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      ...CurrentUser\n    }\n  }\n": typeof types.ChangePasswordDocument,
    "\n  query DecisionQueue {\n    applicationsAwaitingDecision {\n      id\n      submittedAt\n      viewerCanDecide\n      provider {\n        id\n        name\n      }\n      call {\n        id\n        title\n        countyWide\n        socialArea {\n          id\n          name\n        }\n        need {\n          id\n          title\n        }\n      }\n    }\n  }\n": typeof types.DecisionQueueDocument,
    "\n  query DecisionRanking($needId: UUID!) {\n    applicationRanking(needId: $needId) {\n      application {\n        id\n      }\n      requestedAmount\n      averageWeightedScore\n      scoreCount\n      rank\n    }\n  }\n": typeof types.DecisionRankingDocument,
    "\n  query DecisionApplication($id: UUID!) {\n    application(id: $id) {\n      id\n      state\n      revision\n      submittedAt\n      viewerCanDecide\n      costCalculationData\n      provider {\n        id\n        name\n      }\n      revisions {\n        number\n        requestedAmount\n      }\n      call {\n        id\n        title\n        countyWide\n        financingKind\n        offerCategory {\n          id\n          name\n        }\n        socialArea {\n          id\n          name\n        }\n        need {\n          id\n          title\n        }\n      }\n      decision {\n        id\n        outcome\n        justification\n        decidedByName\n        decidedAt\n        approvedAmount\n        periodStart\n        periodEnd\n        financingKind\n        feeHours\n        hourlyRate\n        budgetWarning\n      }\n    }\n  }\n": typeof types.DecisionApplicationDocument,
    "\n  query BudgetCheck($applicationId: UUID!, $amount: Float!, $periodStart: String!, $periodEnd: String!) {\n    budgetCheck(\n      applicationId: $applicationId\n      amount: $amount\n      periodStart: $periodStart\n      periodEnd: $periodEnd\n    ) {\n      year\n      allocation\n      approvedSoFar\n      amount\n      remaining\n      exceeds\n    }\n  }\n": typeof types.BudgetCheckDocument,
    "\n  mutation ApproveApplication($input: ApproveApplicationInput!) {\n    approveApplication(input: $input) {\n      id\n      budgetWarning\n      application {\n        id\n        state\n      }\n    }\n  }\n": typeof types.ApproveApplicationDocument,
    "\n  mutation RejectApplication($input: RejectApplicationInput!) {\n    rejectApplication(input: $input) {\n      id\n      application {\n        id\n        state\n      }\n    }\n  }\n": typeof types.RejectApplicationDocument,
    "\n  query InterimBudgetAllocations($filter: InterimBudgetAllocationFilter) {\n    interimBudgetAllocations(filter: $filter) {\n      id\n      amount\n      year\n      socialAreaId\n      socialAreaName\n      reason\n      setByName\n      createdAt\n    }\n    socialAreas {\n      id\n      name\n    }\n    budgetYears {\n      id\n      year\n      closed\n    }\n  }\n": typeof types.InterimBudgetAllocationsDocument,
    "\n  mutation SetInterimBudgetAllocation($input: SetInterimBudgetAllocationInput!) {\n    setInterimBudgetAllocation(input: $input) {\n      id\n      amount\n      year\n    }\n  }\n": typeof types.SetInterimBudgetAllocationDocument,
    "\n  fragment EvaluationListItem on Evaluation {\n    id\n    state\n    periodNumber\n    periodFrom\n    periodTo\n    dueDate\n    overdue\n    submittedAt\n    offer {\n      id\n      title\n    }\n  }\n": typeof types.EvaluationListItemFragmentDoc,
    "\n  fragment EvaluationDetails on Evaluation {\n    id\n    revision\n    state\n    periodNumber\n    periodFrom\n    periodTo\n    dueDate\n    overdue\n    data\n    submittedAt\n    changeRequestComment\n    changesRequestedAt\n    changesRequestedByName\n    acceptedAt\n    acceptedByName\n    offer {\n      id\n      title\n      periodStart\n      periodEnd\n      goalRevisions {\n        id\n        number\n        goals {\n          goal\n          indicator\n          targetValue\n        }\n      }\n    }\n    formVersion {\n      ...RenderableFormVersion\n    }\n    revisions {\n      id\n      number\n      submittedAt\n      submittedByName\n    }\n    fact {\n      participantsReached\n      newParticipants\n      sessionsHeld\n      professionalHoursDelivered\n      expensesInPeriod\n    }\n    goalFacts {\n      goalIndex\n      goal\n      achievement\n      achievementPercent\n      percentGiven\n    }\n    viewerCan {\n      readData\n      saveDraft\n      submit\n      accept\n      requestChanges\n    }\n  }\n": typeof types.EvaluationDetailsFragmentDoc,
    "\n  query Evaluations($filter: EvaluationFilter) {\n    evaluations(filter: $filter) {\n      ...EvaluationListItem\n    }\n  }\n": typeof types.EvaluationsDocument,
    "\n  query EvaluationsAwaitingReview {\n    evaluationsAwaitingReview {\n      ...EvaluationListItem\n    }\n  }\n": typeof types.EvaluationsAwaitingReviewDocument,
    "\n  query OverdueEvaluations {\n    overdueEvaluations {\n      ...EvaluationListItem\n    }\n  }\n": typeof types.OverdueEvaluationsDocument,
    "\n  query Evaluation($id: UUID!) {\n    evaluation(id: $id) {\n      ...EvaluationDetails\n    }\n  }\n": typeof types.EvaluationDocument,
    "\n  mutation SaveEvaluationDraft($input: SaveEvaluationDraftInput!) {\n    saveEvaluationDraft(input: $input) {\n      id\n      revision\n    }\n  }\n": typeof types.SaveEvaluationDraftDocument,
    "\n  mutation SubmitEvaluation($input: SubmitEvaluationInput!) {\n    submitEvaluation(input: $input) {\n      evaluation {\n        id\n        revision\n        state\n      }\n      errors {\n        path\n        message\n      }\n      errorCount\n    }\n  }\n": typeof types.SubmitEvaluationDocument,
    "\n  mutation AcceptEvaluation($input: AcceptEvaluationInput!) {\n    acceptEvaluation(input: $input) {\n      id\n      revision\n      state\n    }\n  }\n": typeof types.AcceptEvaluationDocument,
    "\n  mutation RequestEvaluationChanges($input: RequestEvaluationChangesInput!) {\n    requestEvaluationChanges(input: $input) {\n      id\n      revision\n      state\n    }\n  }\n": typeof types.RequestEvaluationChangesDocument,
    "\n  query OfferEvaluations($offerId: UUID!) {\n    offer(id: $offerId) {\n      id\n      revision\n      state\n      canAdjustGoals\n      evaluations {\n        ...EvaluationListItem\n      }\n      goalRevisions {\n        id\n        number\n        createdAt\n        createdByName\n        reason\n        goals {\n          goal\n          indicator\n          targetValue\n        }\n      }\n    }\n  }\n": typeof types.OfferEvaluationsDocument,
    "\n  mutation AdjustOfferGoals($input: AdjustOfferGoalsInput!) {\n    adjustOfferGoals(input: $input) {\n      id\n      revision\n    }\n  }\n": typeof types.AdjustOfferGoalsDocument,
    "\n  fragment RenderableFormVersion on FormVersion {\n    id\n    formKey\n    number\n    title\n    description\n    schema\n    uischema\n    sampleData\n  }\n": typeof types.RenderableFormVersionFragmentDoc,
    "\n  query Forms {\n    forms {\n      key\n      title\n      description\n      viewerCan {\n        submit\n      }\n      published {\n        id\n        number\n      }\n    }\n  }\n": typeof types.FormsDocument,
    "\n  query Form($key: String!) {\n    form(key: $key) {\n      key\n      title\n      description\n      viewerCan {\n        submit\n      }\n      published {\n        ...RenderableFormVersion\n      }\n    }\n  }\n": typeof types.FormDocument,
    "\n  query Submission($id: UUID!) {\n    submission(id: $id) {\n      id\n      formKey\n      clientSubmissionId\n      createdAt\n      createdBy\n      data\n      viewerCan {\n        readData\n      }\n      formVersion {\n        ...RenderableFormVersion\n      }\n    }\n  }\n": typeof types.SubmissionDocument,
    "\n  query Submissions($formKey: String!) {\n    submissions(formKey: $formKey) {\n      id\n      formKey\n      createdAt\n      provider {\n        id\n        name\n      }\n    }\n  }\n": typeof types.SubmissionsDocument,
    "\n  mutation SubmitForm($formKey: String!, $data: JSON!, $clientSubmissionId: ID!, $formVersionId: UUID) {\n    submitForm(\n      formKey: $formKey\n      data: $data\n      clientSubmissionId: $clientSubmissionId\n      formVersionId: $formVersionId\n    ) {\n      submission {\n        id\n      }\n      errors {\n        path\n        message\n      }\n      errorCount\n    }\n  }\n": typeof types.SubmitFormDocument,
    "\n  fragment NeedListItem on Need {\n    id\n    title\n    state\n    countyWide\n    priority\n    outcome\n    createdAt\n    createdByName\n    socialArea {\n      id\n      name\n    }\n    viewerCan {\n      prioritise\n    }\n  }\n": typeof types.NeedListItemFragmentDoc,
    "\n  query Needs($filter: NeedFilter, $openFilter: NeedFilter) {\n    needs(filter: $filter) {\n      ...NeedListItem\n    }\n    openNeeds: needs(filter: $openFilter) {\n      ...NeedListItem\n    }\n  }\n": typeof types.NeedsDocument,
    "\n  query NeedSocialAreas {\n    socialAreas {\n      id\n      name\n    }\n  }\n": typeof types.NeedSocialAreasDocument,
    "\n  query Need($id: UUID!) {\n    need(id: $id) {\n      id\n      title\n      state\n      revision\n      countyWide\n      socialArea {\n        id\n        name\n      }\n      situationDescription\n      createdAt\n      createdByName\n      updatedAt\n      priority\n      outcome\n      coveredByResources\n      resourcesJustification\n      resourcesDecidedAt\n      resourcesDecidedByName\n      consideredOffers\n      consideredProviders {\n        id\n        name\n      }\n      offerWanted\n      offerJustification\n      offerDecidedAt\n      offerDecidedByName\n      contactYouthOffice\n      contactProviders\n      fundingProgrammes\n      professionalJustification\n      resourcesWeighed\n      developmentWithoutOffer\n      timeline {\n        kind\n        at\n        byName\n        decision\n        justification\n        bodyName\n        involvement\n        date\n        outcome\n      }\n      viewerCan {\n        update\n        planOffer\n        decideResources\n        decideOffer\n        recordBodyInvolvement\n        prioritise\n      }\n    }\n  }\n": typeof types.NeedDocument,
    "\n  query NeedBodies {\n    bodies {\n      id\n      name\n    }\n  }\n": typeof types.NeedBodiesDocument,
    "\n  query NeedProviders {\n    providers {\n      id\n      name\n    }\n  }\n": typeof types.NeedProvidersDocument,
    "\n  mutation RecordNeed($input: RecordNeedInput!) {\n    recordNeed(input: $input) {\n      id\n    }\n  }\n": typeof types.RecordNeedDocument,
    "\n  mutation UpdateNeed($input: UpdateNeedInput!) {\n    updateNeed(input: $input) {\n      id\n      revision\n    }\n  }\n": typeof types.UpdateNeedDocument,
    "\n  mutation DecideNeedResources($input: DecideNeedResourcesInput!) {\n    decideNeedResources(input: $input) {\n      id\n      revision\n      state\n    }\n  }\n": typeof types.DecideNeedResourcesDocument,
    "\n  mutation DecideNeedOffer($input: DecideNeedOfferInput!) {\n    decideNeedOffer(input: $input) {\n      id\n      revision\n      state\n    }\n  }\n": typeof types.DecideNeedOfferDocument,
    "\n  mutation RecordNeedBodyInvolvement($input: RecordNeedBodyInvolvementInput!) {\n    recordNeedBodyInvolvement(input: $input) {\n      id\n      revision\n    }\n  }\n": typeof types.RecordNeedBodyInvolvementDocument,
    "\n  query NeedPrioritisation($filter: NeedFilter!) {\n    needs(filter: $filter) {\n      ...NeedListItem\n    }\n    socialAreas {\n      id\n      name\n    }\n  }\n": typeof types.NeedPrioritisationDocument,
    "\n  mutation PrioritiseNeeds($input: PrioritiseNeedsInput!) {\n    prioritiseNeeds(input: $input) {\n      id\n      priority\n    }\n  }\n": typeof types.PrioritiseNeedsDocument,
    "\n  query NoticesToIssue {\n    applicationsAwaitingNotice {\n      id\n      viewerCanIssueNotice\n      provider {\n        id\n        name\n      }\n      call {\n        id\n        title\n        countyWide\n        socialArea {\n          id\n          name\n        }\n        need {\n          id\n          title\n        }\n      }\n      decision {\n        id\n        approvedAmount\n        periodStart\n        periodEnd\n        financingKind\n        decidedAt\n      }\n    }\n  }\n": typeof types.NoticesToIssueDocument,
    "\n  query IssuedNotices {\n    decisionNotices {\n      id\n      number\n      noticeDate\n      addresseeName\n      title\n      amount\n      financingKind\n    }\n  }\n": typeof types.IssuedNoticesDocument,
    "\n  query DecisionNoticeDetail($id: UUID!) {\n    decisionNotice(id: $id) {\n      id\n      number\n      noticeDate\n      addresseeName\n      addresseeStreet\n      addresseePostalCode\n      addresseeCity\n      title\n      socialAreaName\n      offerCategoryName\n      amount\n      periodStart\n      periodEnd\n      financingKind\n      legalBasis\n      feeHours\n      hourlyRate\n      issuedByName\n      pdfUrl\n      shares {\n        budgetYear\n        amount\n      }\n      offer {\n        id\n      }\n      application {\n        id\n      }\n    }\n  }\n": typeof types.DecisionNoticeDetailDocument,
    "\n  mutation IssueNotice($applicationId: UUID!, $noticeDate: String) {\n    issueNotice(applicationId: $applicationId, noticeDate: $noticeDate) {\n      id\n      number\n    }\n  }\n": typeof types.IssueNoticeDocument,
    "\n  query Offers($filter: OfferFilter, $sort: OfferSort, $limit: Int, $offset: Int) {\n    offers(filter: $filter, sort: $sort, limit: $limit, offset: $offset) {\n      totalCount\n      nodes {\n        id\n        title\n        countyWide\n        financingKind\n        state\n        approvedAmount\n        nextEvaluationDue\n        nextEvaluationOverdue\n        socialArea {\n          id\n          name\n        }\n        provider {\n          id\n          name\n        }\n        offerCategory {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.OffersDocument,
    "\n  query OfferFilterOptions {\n    socialAreas(includeInactive: true) {\n      id\n      name\n    }\n    regionalTeams(includeInactive: true) {\n      id\n      name\n    }\n    providers(includeInactive: true) {\n      id\n      name\n    }\n    offerCategories(includeInactive: true) {\n      id\n      name\n    }\n  }\n": typeof types.OfferFilterOptionsDocument,
    "\n  query Offer($id: UUID!) {\n    offer(id: $id) {\n      id\n      title\n      countyWide\n      financingKind\n      state\n      periodStart\n      periodEnd\n      approvedAmount\n      feeHours\n      hourlyRate\n      endedAt\n      nextEvaluationDue\n      nextEvaluationOverdue\n      socialArea {\n        id\n        name\n        regionalTeam {\n          id\n          name\n        }\n      }\n      provider {\n        id\n        name\n      }\n      offerCategory {\n        id\n        name\n      }\n      need {\n        id\n        title\n      }\n      application {\n        id\n      }\n      viewerCan {\n        readNeed\n        readApplication\n      }\n    }\n  }\n": typeof types.OfferDocument,
    "\n  fragment ScoreDetails on Score {\n    id\n    revision\n    scorerName\n    submittedAt\n    updatedAt\n    weightedScore\n    data\n    criteriaVersion {\n      ...RenderableFormVersion\n    }\n    revisions {\n      id\n      number\n      submittedAt\n      submittedByName\n      weightedScore\n    }\n    viewerCan {\n      readData\n      saveDraft\n      submit\n    }\n  }\n": typeof types.ScoreDetailsFragmentDoc,
    "\n  query ApplicationScores($id: UUID!) {\n    application(id: $id) {\n      id\n      state\n      viewerCan {\n        score\n      }\n      scores {\n        ...ScoreDetails\n      }\n    }\n  }\n": typeof types.ApplicationScoresDocument,
    "\n  mutation StartScore($input: StartScoreInput!) {\n    startScore(input: $input) {\n      id\n    }\n  }\n": typeof types.StartScoreDocument,
    "\n  mutation SaveScoreDraft($input: SaveScoreDraftInput!) {\n    saveScoreDraft(input: $input) {\n      id\n      revision\n    }\n  }\n": typeof types.SaveScoreDraftDocument,
    "\n  mutation SubmitScore($input: SubmitScoreInput!) {\n    submitScore(input: $input) {\n      score {\n        id\n        revision\n        weightedScore\n      }\n      errors {\n        path\n        message\n      }\n      errorCount\n    }\n  }\n": typeof types.SubmitScoreDocument,
    "\n  query ApplicationRanking($needId: UUID!) {\n    need(id: $needId) {\n      id\n      title\n      callForInterest {\n        id\n        title\n      }\n    }\n    applicationRanking(needId: $needId) {\n      rank\n      averageWeightedScore\n      requestedAmount\n      scoreCount\n      application {\n        id\n        state\n        submittedAt\n        provider {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.ApplicationRankingDocument,
    "\n  query MyTasks($limit: Int!) {\n    myTasks(limit: $limit) {\n      totalCount\n      tasks {\n        id\n        kind\n        title\n        recordType\n        recordId\n        path\n        since\n        dueAt\n        overdue\n      }\n    }\n  }\n": typeof types.MyTasksDocument,
    "\n  query MyTaskCount {\n    myTasks(limit: 0) {\n      totalCount\n    }\n  }\n": typeof types.MyTaskCountDocument,
};
const documents: Documents = {
    "\n  query AdminSocialAreas($includeInactive: Boolean!) {\n    socialAreas(includeInactive: $includeInactive) {\n      id\n      name\n      active\n      revision\n      regionalTeam {\n        id\n        name\n      }\n      viewerCan {\n        update\n      }\n    }\n    regionalTeams(includeInactive: true) {\n      id\n      name\n      active\n    }\n  }\n": types.AdminSocialAreasDocument,
    "\n  mutation CreateSocialArea($input: CreateSocialAreaInput!) {\n    createSocialArea(input: $input) {\n      id\n    }\n  }\n": types.CreateSocialAreaDocument,
    "\n  mutation UpdateSocialArea($input: UpdateSocialAreaInput!) {\n    updateSocialArea(input: $input) {\n      id\n      revision\n    }\n  }\n": types.UpdateSocialAreaDocument,
    "\n  query AdminRegionalTeams($includeInactive: Boolean!) {\n    regionalTeams(includeInactive: $includeInactive) {\n      id\n      name\n      active\n      revision\n      socialAreas {\n        id\n        name\n      }\n      viewerCan {\n        update\n      }\n    }\n  }\n": types.AdminRegionalTeamsDocument,
    "\n  mutation CreateRegionalTeam($input: CreateRegionalTeamInput!) {\n    createRegionalTeam(input: $input) {\n      id\n    }\n  }\n": types.CreateRegionalTeamDocument,
    "\n  mutation UpdateRegionalTeam($input: UpdateRegionalTeamInput!) {\n    updateRegionalTeam(input: $input) {\n      id\n      revision\n    }\n  }\n": types.UpdateRegionalTeamDocument,
    "\n  query AdminProviders($includeInactive: Boolean!) {\n    providers(includeInactive: $includeInactive) {\n      id\n      name\n      street\n      postalCode\n      city\n      contactName\n      contactEmail\n      contactPhone\n      active\n      revision\n      viewerCan {\n        update\n      }\n    }\n  }\n": types.AdminProvidersDocument,
    "\n  mutation CreateProvider($input: CreateProviderInput!) {\n    createProvider(input: $input) {\n      id\n    }\n  }\n": types.CreateProviderDocument,
    "\n  mutation UpdateProvider($input: UpdateProviderInput!) {\n    updateProvider(input: $input) {\n      id\n      revision\n    }\n  }\n": types.UpdateProviderDocument,
    "\n  query AdminOfferCategories($includeInactive: Boolean!) {\n    offerCategories(includeInactive: $includeInactive) {\n      id\n      name\n      description\n      financingKind\n      active\n      revision\n      viewerCan {\n        update\n      }\n    }\n  }\n": types.AdminOfferCategoriesDocument,
    "\n  mutation CreateOfferCategory($input: CreateOfferCategoryInput!) {\n    createOfferCategory(input: $input) {\n      id\n    }\n  }\n": types.CreateOfferCategoryDocument,
    "\n  mutation UpdateOfferCategory($input: UpdateOfferCategoryInput!) {\n    updateOfferCategory(input: $input) {\n      id\n      revision\n    }\n  }\n": types.UpdateOfferCategoryDocument,
    "\n  query AdminBudgetYears($includeInactive: Boolean!) {\n    budgetYears(includeInactive: $includeInactive) {\n      id\n      year\n      startsOn\n      endsOn\n      closed\n      revision\n      viewerCan {\n        update\n      }\n    }\n  }\n": types.AdminBudgetYearsDocument,
    "\n  mutation CreateBudgetYear($input: CreateBudgetYearInput!) {\n    createBudgetYear(input: $input) {\n      id\n    }\n  }\n": types.CreateBudgetYearDocument,
    "\n  mutation UpdateBudgetYear($input: UpdateBudgetYearInput!) {\n    updateBudgetYear(input: $input) {\n      id\n      revision\n    }\n  }\n": types.UpdateBudgetYearDocument,
    "\n  query AuditEvents($filter: AuditEventFilter, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        occurredAt\n        requestId\n        userId\n        userName\n        role\n        operation\n        entityType\n        entityId\n        outcome\n        details\n        justification\n      }\n      totalCount\n      endCursor\n      hasNextPage\n    }\n  }\n": types.AuditEventsDocument,
    "\n  query AuditUsers {\n    users {\n      id\n      displayName\n      email\n    }\n  }\n": types.AuditUsersDocument,
    "\n  fragment AdminUser on User {\n    id\n    email\n    displayName\n    roles\n    active\n    mustChangePassword\n    revision\n    createdAt\n    provider {\n      id\n      name\n    }\n    regionalTeam {\n      id\n      name\n    }\n    socialAreas {\n      id\n      name\n    }\n    viewerCan {\n      update\n      resetPassword\n      deactivate\n      reactivate\n    }\n  }\n": types.AdminUserFragmentDoc,
    "\n  query AdminUsers {\n    users {\n      ...AdminUser\n    }\n    providers(includeInactive: true) {\n      id\n      name\n      active\n    }\n    regionalTeams(includeInactive: true) {\n      id\n      name\n      active\n    }\n    socialAreas(includeInactive: true) {\n      id\n      name\n      active\n    }\n  }\n": types.AdminUsersDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      user {\n        ...AdminUser\n      }\n      initialPassword\n    }\n  }\n": types.CreateUserDocument,
    "\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      ...AdminUser\n    }\n  }\n": types.UpdateUserDocument,
    "\n  mutation ResetPassword($id: UUID!) {\n    resetPassword(id: $id) {\n      user {\n        ...AdminUser\n      }\n      initialPassword\n    }\n  }\n": types.ResetPasswordDocument,
    "\n  mutation DeactivateUser($id: UUID!) {\n    deactivateUser(id: $id) {\n      ...AdminUser\n    }\n  }\n": types.DeactivateUserDocument,
    "\n  mutation ReactivateUser($id: UUID!) {\n    reactivateUser(id: $id) {\n      ...AdminUser\n    }\n  }\n": types.ReactivateUserDocument,
    "\n  fragment CallSummary on CallForInterest {\n    id\n    title\n    deadline\n    isOpen\n    openToAll\n    countyWide\n    financingKind\n    situationDescription\n    openedByName\n    createdAt\n    closedAt\n    closedByName\n    socialArea {\n      id\n      name\n    }\n    offerCategory {\n      id\n      name\n      description\n    }\n    invitedProviders {\n      id\n      name\n    }\n  }\n": types.CallSummaryFragmentDoc,
    "\n  fragment ApplicationListItem on Application {\n    id\n    state\n    submittedAt\n    updatedAt\n    provider {\n      id\n      name\n    }\n    call {\n      id\n      title\n      deadline\n    }\n    revisions {\n      id\n      number\n      requestedAmount\n    }\n  }\n": types.ApplicationListItemFragmentDoc,
    "\n  query CallsForInterest {\n    callsForInterest {\n      ...CallSummary\n      viewerCan {\n        apply\n      }\n    }\n  }\n": types.CallsForInterestDocument,
    "\n  query CallForInterest($id: UUID!) {\n    callForInterest(id: $id) {\n      ...CallSummary\n      need {\n        id\n      }\n      viewerCan {\n        apply\n        close\n      }\n      applications {\n        ...ApplicationListItem\n      }\n    }\n  }\n": types.CallForInterestDocument,
    "\n  query Applications($filter: ApplicationFilter) {\n    applications(filter: $filter) {\n      ...ApplicationListItem\n    }\n  }\n": types.ApplicationsDocument,
    "\n  query Application($id: UUID!) {\n    application(id: $id) {\n      id\n      state\n      revision\n      createdAt\n      createdByName\n      submittedAt\n      updatedAt\n      withdrawnAt\n      changeRequestComment\n      changesRequestedAt\n      changesRequestedByName\n      offerDescriptionData\n      costCalculationData\n      offerDescriptionVersion {\n        ...RenderableFormVersion\n      }\n      costCalculationVersion {\n        ...RenderableFormVersion\n      }\n      provider {\n        id\n        name\n      }\n      call {\n        ...CallSummary\n        need {\n          id\n        }\n      }\n      revisions {\n        id\n        number\n        submittedAt\n        submittedByName\n        requestedAmount\n      }\n      viewerCan {\n        readData\n        saveDraft\n        submit\n        withdraw\n        requestChanges\n        score\n      }\n    }\n  }\n": types.ApplicationDocument,
    "\n  query ApplicationRevisionDiff($id: UUID!, $fromRevision: Int!, $toRevision: Int!) {\n    application(id: $id) {\n      id\n      revisionDiff(fromRevision: $fromRevision, toRevision: $toRevision) {\n        formKey\n        formTitle\n        path\n        label\n        before\n        after\n      }\n    }\n  }\n": types.ApplicationRevisionDiffDocument,
    "\n  mutation CreateApplication($input: CreateApplicationInput!) {\n    createApplication(input: $input) {\n      id\n    }\n  }\n": types.CreateApplicationDocument,
    "\n  mutation SaveApplicationDraft($input: SaveApplicationDraftInput!) {\n    saveApplicationDraft(input: $input) {\n      id\n      revision\n      updatedAt\n    }\n  }\n": types.SaveApplicationDraftDocument,
    "\n  mutation SubmitApplication($input: SubmitApplicationInput!) {\n    submitApplication(input: $input) {\n      application {\n        id\n        revision\n        state\n      }\n      errors {\n        path\n        message\n      }\n      errorCount\n    }\n  }\n": types.SubmitApplicationDocument,
    "\n  mutation RequestApplicationChanges($input: RequestApplicationChangesInput!) {\n    requestApplicationChanges(input: $input) {\n      id\n      revision\n      state\n    }\n  }\n": types.RequestApplicationChangesDocument,
    "\n  mutation WithdrawApplication($input: WithdrawApplicationInput!) {\n    withdrawApplication(input: $input) {\n      id\n      revision\n      state\n    }\n  }\n": types.WithdrawApplicationDocument,
    "\n  query NeedCall($id: UUID!) {\n    need(id: $id) {\n      id\n      state\n      revision\n      viewerCan {\n        openCallForInterest\n        closeCallForInterest\n      }\n      callForInterest {\n        ...CallSummary\n        applications {\n          ...ApplicationListItem\n        }\n      }\n    }\n  }\n": types.NeedCallDocument,
    "\n  query CallOptions {\n    offerCategories {\n      id\n      name\n      financingKind\n    }\n    providers {\n      id\n      name\n    }\n  }\n": types.CallOptionsDocument,
    "\n  mutation OpenCallForInterest($input: OpenCallForInterestInput!) {\n    openCallForInterest(input: $input) {\n      id\n      revision\n      state\n    }\n  }\n": types.OpenCallForInterestDocument,
    "\n  mutation CloseCallForInterest($input: CloseCallForInterestInput!) {\n    closeCallForInterest(input: $input) {\n      id\n      revision\n      state\n    }\n  }\n": types.CloseCallForInterestDocument,
    "\n  fragment CurrentUser on User {\n    id\n    email\n    displayName\n    roles\n    mustChangePassword\n    provider {\n      id\n      name\n    }\n    regionalTeam {\n      id\n      name\n    }\n    socialAreas {\n      id\n      name\n    }\n  }\n": types.CurrentUserFragmentDoc,
    "\n  query Me {\n    me {\n      ...CurrentUser\n    }\n  }\n": types.MeDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...CurrentUser\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      ...CurrentUser\n    }\n  }\n": types.ChangePasswordDocument,
    "\n  query DecisionQueue {\n    applicationsAwaitingDecision {\n      id\n      submittedAt\n      viewerCanDecide\n      provider {\n        id\n        name\n      }\n      call {\n        id\n        title\n        countyWide\n        socialArea {\n          id\n          name\n        }\n        need {\n          id\n          title\n        }\n      }\n    }\n  }\n": types.DecisionQueueDocument,
    "\n  query DecisionRanking($needId: UUID!) {\n    applicationRanking(needId: $needId) {\n      application {\n        id\n      }\n      requestedAmount\n      averageWeightedScore\n      scoreCount\n      rank\n    }\n  }\n": types.DecisionRankingDocument,
    "\n  query DecisionApplication($id: UUID!) {\n    application(id: $id) {\n      id\n      state\n      revision\n      submittedAt\n      viewerCanDecide\n      costCalculationData\n      provider {\n        id\n        name\n      }\n      revisions {\n        number\n        requestedAmount\n      }\n      call {\n        id\n        title\n        countyWide\n        financingKind\n        offerCategory {\n          id\n          name\n        }\n        socialArea {\n          id\n          name\n        }\n        need {\n          id\n          title\n        }\n      }\n      decision {\n        id\n        outcome\n        justification\n        decidedByName\n        decidedAt\n        approvedAmount\n        periodStart\n        periodEnd\n        financingKind\n        feeHours\n        hourlyRate\n        budgetWarning\n      }\n    }\n  }\n": types.DecisionApplicationDocument,
    "\n  query BudgetCheck($applicationId: UUID!, $amount: Float!, $periodStart: String!, $periodEnd: String!) {\n    budgetCheck(\n      applicationId: $applicationId\n      amount: $amount\n      periodStart: $periodStart\n      periodEnd: $periodEnd\n    ) {\n      year\n      allocation\n      approvedSoFar\n      amount\n      remaining\n      exceeds\n    }\n  }\n": types.BudgetCheckDocument,
    "\n  mutation ApproveApplication($input: ApproveApplicationInput!) {\n    approveApplication(input: $input) {\n      id\n      budgetWarning\n      application {\n        id\n        state\n      }\n    }\n  }\n": types.ApproveApplicationDocument,
    "\n  mutation RejectApplication($input: RejectApplicationInput!) {\n    rejectApplication(input: $input) {\n      id\n      application {\n        id\n        state\n      }\n    }\n  }\n": types.RejectApplicationDocument,
    "\n  query InterimBudgetAllocations($filter: InterimBudgetAllocationFilter) {\n    interimBudgetAllocations(filter: $filter) {\n      id\n      amount\n      year\n      socialAreaId\n      socialAreaName\n      reason\n      setByName\n      createdAt\n    }\n    socialAreas {\n      id\n      name\n    }\n    budgetYears {\n      id\n      year\n      closed\n    }\n  }\n": types.InterimBudgetAllocationsDocument,
    "\n  mutation SetInterimBudgetAllocation($input: SetInterimBudgetAllocationInput!) {\n    setInterimBudgetAllocation(input: $input) {\n      id\n      amount\n      year\n    }\n  }\n": types.SetInterimBudgetAllocationDocument,
    "\n  fragment EvaluationListItem on Evaluation {\n    id\n    state\n    periodNumber\n    periodFrom\n    periodTo\n    dueDate\n    overdue\n    submittedAt\n    offer {\n      id\n      title\n    }\n  }\n": types.EvaluationListItemFragmentDoc,
    "\n  fragment EvaluationDetails on Evaluation {\n    id\n    revision\n    state\n    periodNumber\n    periodFrom\n    periodTo\n    dueDate\n    overdue\n    data\n    submittedAt\n    changeRequestComment\n    changesRequestedAt\n    changesRequestedByName\n    acceptedAt\n    acceptedByName\n    offer {\n      id\n      title\n      periodStart\n      periodEnd\n      goalRevisions {\n        id\n        number\n        goals {\n          goal\n          indicator\n          targetValue\n        }\n      }\n    }\n    formVersion {\n      ...RenderableFormVersion\n    }\n    revisions {\n      id\n      number\n      submittedAt\n      submittedByName\n    }\n    fact {\n      participantsReached\n      newParticipants\n      sessionsHeld\n      professionalHoursDelivered\n      expensesInPeriod\n    }\n    goalFacts {\n      goalIndex\n      goal\n      achievement\n      achievementPercent\n      percentGiven\n    }\n    viewerCan {\n      readData\n      saveDraft\n      submit\n      accept\n      requestChanges\n    }\n  }\n": types.EvaluationDetailsFragmentDoc,
    "\n  query Evaluations($filter: EvaluationFilter) {\n    evaluations(filter: $filter) {\n      ...EvaluationListItem\n    }\n  }\n": types.EvaluationsDocument,
    "\n  query EvaluationsAwaitingReview {\n    evaluationsAwaitingReview {\n      ...EvaluationListItem\n    }\n  }\n": types.EvaluationsAwaitingReviewDocument,
    "\n  query OverdueEvaluations {\n    overdueEvaluations {\n      ...EvaluationListItem\n    }\n  }\n": types.OverdueEvaluationsDocument,
    "\n  query Evaluation($id: UUID!) {\n    evaluation(id: $id) {\n      ...EvaluationDetails\n    }\n  }\n": types.EvaluationDocument,
    "\n  mutation SaveEvaluationDraft($input: SaveEvaluationDraftInput!) {\n    saveEvaluationDraft(input: $input) {\n      id\n      revision\n    }\n  }\n": types.SaveEvaluationDraftDocument,
    "\n  mutation SubmitEvaluation($input: SubmitEvaluationInput!) {\n    submitEvaluation(input: $input) {\n      evaluation {\n        id\n        revision\n        state\n      }\n      errors {\n        path\n        message\n      }\n      errorCount\n    }\n  }\n": types.SubmitEvaluationDocument,
    "\n  mutation AcceptEvaluation($input: AcceptEvaluationInput!) {\n    acceptEvaluation(input: $input) {\n      id\n      revision\n      state\n    }\n  }\n": types.AcceptEvaluationDocument,
    "\n  mutation RequestEvaluationChanges($input: RequestEvaluationChangesInput!) {\n    requestEvaluationChanges(input: $input) {\n      id\n      revision\n      state\n    }\n  }\n": types.RequestEvaluationChangesDocument,
    "\n  query OfferEvaluations($offerId: UUID!) {\n    offer(id: $offerId) {\n      id\n      revision\n      state\n      canAdjustGoals\n      evaluations {\n        ...EvaluationListItem\n      }\n      goalRevisions {\n        id\n        number\n        createdAt\n        createdByName\n        reason\n        goals {\n          goal\n          indicator\n          targetValue\n        }\n      }\n    }\n  }\n": types.OfferEvaluationsDocument,
    "\n  mutation AdjustOfferGoals($input: AdjustOfferGoalsInput!) {\n    adjustOfferGoals(input: $input) {\n      id\n      revision\n    }\n  }\n": types.AdjustOfferGoalsDocument,
    "\n  fragment RenderableFormVersion on FormVersion {\n    id\n    formKey\n    number\n    title\n    description\n    schema\n    uischema\n    sampleData\n  }\n": types.RenderableFormVersionFragmentDoc,
    "\n  query Forms {\n    forms {\n      key\n      title\n      description\n      viewerCan {\n        submit\n      }\n      published {\n        id\n        number\n      }\n    }\n  }\n": types.FormsDocument,
    "\n  query Form($key: String!) {\n    form(key: $key) {\n      key\n      title\n      description\n      viewerCan {\n        submit\n      }\n      published {\n        ...RenderableFormVersion\n      }\n    }\n  }\n": types.FormDocument,
    "\n  query Submission($id: UUID!) {\n    submission(id: $id) {\n      id\n      formKey\n      clientSubmissionId\n      createdAt\n      createdBy\n      data\n      viewerCan {\n        readData\n      }\n      formVersion {\n        ...RenderableFormVersion\n      }\n    }\n  }\n": types.SubmissionDocument,
    "\n  query Submissions($formKey: String!) {\n    submissions(formKey: $formKey) {\n      id\n      formKey\n      createdAt\n      provider {\n        id\n        name\n      }\n    }\n  }\n": types.SubmissionsDocument,
    "\n  mutation SubmitForm($formKey: String!, $data: JSON!, $clientSubmissionId: ID!, $formVersionId: UUID) {\n    submitForm(\n      formKey: $formKey\n      data: $data\n      clientSubmissionId: $clientSubmissionId\n      formVersionId: $formVersionId\n    ) {\n      submission {\n        id\n      }\n      errors {\n        path\n        message\n      }\n      errorCount\n    }\n  }\n": types.SubmitFormDocument,
    "\n  fragment NeedListItem on Need {\n    id\n    title\n    state\n    countyWide\n    priority\n    outcome\n    createdAt\n    createdByName\n    socialArea {\n      id\n      name\n    }\n    viewerCan {\n      prioritise\n    }\n  }\n": types.NeedListItemFragmentDoc,
    "\n  query Needs($filter: NeedFilter, $openFilter: NeedFilter) {\n    needs(filter: $filter) {\n      ...NeedListItem\n    }\n    openNeeds: needs(filter: $openFilter) {\n      ...NeedListItem\n    }\n  }\n": types.NeedsDocument,
    "\n  query NeedSocialAreas {\n    socialAreas {\n      id\n      name\n    }\n  }\n": types.NeedSocialAreasDocument,
    "\n  query Need($id: UUID!) {\n    need(id: $id) {\n      id\n      title\n      state\n      revision\n      countyWide\n      socialArea {\n        id\n        name\n      }\n      situationDescription\n      createdAt\n      createdByName\n      updatedAt\n      priority\n      outcome\n      coveredByResources\n      resourcesJustification\n      resourcesDecidedAt\n      resourcesDecidedByName\n      consideredOffers\n      consideredProviders {\n        id\n        name\n      }\n      offerWanted\n      offerJustification\n      offerDecidedAt\n      offerDecidedByName\n      contactYouthOffice\n      contactProviders\n      fundingProgrammes\n      professionalJustification\n      resourcesWeighed\n      developmentWithoutOffer\n      timeline {\n        kind\n        at\n        byName\n        decision\n        justification\n        bodyName\n        involvement\n        date\n        outcome\n      }\n      viewerCan {\n        update\n        planOffer\n        decideResources\n        decideOffer\n        recordBodyInvolvement\n        prioritise\n      }\n    }\n  }\n": types.NeedDocument,
    "\n  query NeedBodies {\n    bodies {\n      id\n      name\n    }\n  }\n": types.NeedBodiesDocument,
    "\n  query NeedProviders {\n    providers {\n      id\n      name\n    }\n  }\n": types.NeedProvidersDocument,
    "\n  mutation RecordNeed($input: RecordNeedInput!) {\n    recordNeed(input: $input) {\n      id\n    }\n  }\n": types.RecordNeedDocument,
    "\n  mutation UpdateNeed($input: UpdateNeedInput!) {\n    updateNeed(input: $input) {\n      id\n      revision\n    }\n  }\n": types.UpdateNeedDocument,
    "\n  mutation DecideNeedResources($input: DecideNeedResourcesInput!) {\n    decideNeedResources(input: $input) {\n      id\n      revision\n      state\n    }\n  }\n": types.DecideNeedResourcesDocument,
    "\n  mutation DecideNeedOffer($input: DecideNeedOfferInput!) {\n    decideNeedOffer(input: $input) {\n      id\n      revision\n      state\n    }\n  }\n": types.DecideNeedOfferDocument,
    "\n  mutation RecordNeedBodyInvolvement($input: RecordNeedBodyInvolvementInput!) {\n    recordNeedBodyInvolvement(input: $input) {\n      id\n      revision\n    }\n  }\n": types.RecordNeedBodyInvolvementDocument,
    "\n  query NeedPrioritisation($filter: NeedFilter!) {\n    needs(filter: $filter) {\n      ...NeedListItem\n    }\n    socialAreas {\n      id\n      name\n    }\n  }\n": types.NeedPrioritisationDocument,
    "\n  mutation PrioritiseNeeds($input: PrioritiseNeedsInput!) {\n    prioritiseNeeds(input: $input) {\n      id\n      priority\n    }\n  }\n": types.PrioritiseNeedsDocument,
    "\n  query NoticesToIssue {\n    applicationsAwaitingNotice {\n      id\n      viewerCanIssueNotice\n      provider {\n        id\n        name\n      }\n      call {\n        id\n        title\n        countyWide\n        socialArea {\n          id\n          name\n        }\n        need {\n          id\n          title\n        }\n      }\n      decision {\n        id\n        approvedAmount\n        periodStart\n        periodEnd\n        financingKind\n        decidedAt\n      }\n    }\n  }\n": types.NoticesToIssueDocument,
    "\n  query IssuedNotices {\n    decisionNotices {\n      id\n      number\n      noticeDate\n      addresseeName\n      title\n      amount\n      financingKind\n    }\n  }\n": types.IssuedNoticesDocument,
    "\n  query DecisionNoticeDetail($id: UUID!) {\n    decisionNotice(id: $id) {\n      id\n      number\n      noticeDate\n      addresseeName\n      addresseeStreet\n      addresseePostalCode\n      addresseeCity\n      title\n      socialAreaName\n      offerCategoryName\n      amount\n      periodStart\n      periodEnd\n      financingKind\n      legalBasis\n      feeHours\n      hourlyRate\n      issuedByName\n      pdfUrl\n      shares {\n        budgetYear\n        amount\n      }\n      offer {\n        id\n      }\n      application {\n        id\n      }\n    }\n  }\n": types.DecisionNoticeDetailDocument,
    "\n  mutation IssueNotice($applicationId: UUID!, $noticeDate: String) {\n    issueNotice(applicationId: $applicationId, noticeDate: $noticeDate) {\n      id\n      number\n    }\n  }\n": types.IssueNoticeDocument,
    "\n  query Offers($filter: OfferFilter, $sort: OfferSort, $limit: Int, $offset: Int) {\n    offers(filter: $filter, sort: $sort, limit: $limit, offset: $offset) {\n      totalCount\n      nodes {\n        id\n        title\n        countyWide\n        financingKind\n        state\n        approvedAmount\n        nextEvaluationDue\n        nextEvaluationOverdue\n        socialArea {\n          id\n          name\n        }\n        provider {\n          id\n          name\n        }\n        offerCategory {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.OffersDocument,
    "\n  query OfferFilterOptions {\n    socialAreas(includeInactive: true) {\n      id\n      name\n    }\n    regionalTeams(includeInactive: true) {\n      id\n      name\n    }\n    providers(includeInactive: true) {\n      id\n      name\n    }\n    offerCategories(includeInactive: true) {\n      id\n      name\n    }\n  }\n": types.OfferFilterOptionsDocument,
    "\n  query Offer($id: UUID!) {\n    offer(id: $id) {\n      id\n      title\n      countyWide\n      financingKind\n      state\n      periodStart\n      periodEnd\n      approvedAmount\n      feeHours\n      hourlyRate\n      endedAt\n      nextEvaluationDue\n      nextEvaluationOverdue\n      socialArea {\n        id\n        name\n        regionalTeam {\n          id\n          name\n        }\n      }\n      provider {\n        id\n        name\n      }\n      offerCategory {\n        id\n        name\n      }\n      need {\n        id\n        title\n      }\n      application {\n        id\n      }\n      viewerCan {\n        readNeed\n        readApplication\n      }\n    }\n  }\n": types.OfferDocument,
    "\n  fragment ScoreDetails on Score {\n    id\n    revision\n    scorerName\n    submittedAt\n    updatedAt\n    weightedScore\n    data\n    criteriaVersion {\n      ...RenderableFormVersion\n    }\n    revisions {\n      id\n      number\n      submittedAt\n      submittedByName\n      weightedScore\n    }\n    viewerCan {\n      readData\n      saveDraft\n      submit\n    }\n  }\n": types.ScoreDetailsFragmentDoc,
    "\n  query ApplicationScores($id: UUID!) {\n    application(id: $id) {\n      id\n      state\n      viewerCan {\n        score\n      }\n      scores {\n        ...ScoreDetails\n      }\n    }\n  }\n": types.ApplicationScoresDocument,
    "\n  mutation StartScore($input: StartScoreInput!) {\n    startScore(input: $input) {\n      id\n    }\n  }\n": types.StartScoreDocument,
    "\n  mutation SaveScoreDraft($input: SaveScoreDraftInput!) {\n    saveScoreDraft(input: $input) {\n      id\n      revision\n    }\n  }\n": types.SaveScoreDraftDocument,
    "\n  mutation SubmitScore($input: SubmitScoreInput!) {\n    submitScore(input: $input) {\n      score {\n        id\n        revision\n        weightedScore\n      }\n      errors {\n        path\n        message\n      }\n      errorCount\n    }\n  }\n": types.SubmitScoreDocument,
    "\n  query ApplicationRanking($needId: UUID!) {\n    need(id: $needId) {\n      id\n      title\n      callForInterest {\n        id\n        title\n      }\n    }\n    applicationRanking(needId: $needId) {\n      rank\n      averageWeightedScore\n      requestedAmount\n      scoreCount\n      application {\n        id\n        state\n        submittedAt\n        provider {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.ApplicationRankingDocument,
    "\n  query MyTasks($limit: Int!) {\n    myTasks(limit: $limit) {\n      totalCount\n      tasks {\n        id\n        kind\n        title\n        recordType\n        recordId\n        path\n        since\n        dueAt\n        overdue\n      }\n    }\n  }\n": types.MyTasksDocument,
    "\n  query MyTaskCount {\n    myTasks(limit: 0) {\n      totalCount\n    }\n  }\n": types.MyTaskCountDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminSocialAreas($includeInactive: Boolean!) {\n    socialAreas(includeInactive: $includeInactive) {\n      id\n      name\n      active\n      revision\n      regionalTeam {\n        id\n        name\n      }\n      viewerCan {\n        update\n      }\n    }\n    regionalTeams(includeInactive: true) {\n      id\n      name\n      active\n    }\n  }\n"): (typeof documents)["\n  query AdminSocialAreas($includeInactive: Boolean!) {\n    socialAreas(includeInactive: $includeInactive) {\n      id\n      name\n      active\n      revision\n      regionalTeam {\n        id\n        name\n      }\n      viewerCan {\n        update\n      }\n    }\n    regionalTeams(includeInactive: true) {\n      id\n      name\n      active\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSocialArea($input: CreateSocialAreaInput!) {\n    createSocialArea(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateSocialArea($input: CreateSocialAreaInput!) {\n    createSocialArea(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSocialArea($input: UpdateSocialAreaInput!) {\n    updateSocialArea(input: $input) {\n      id\n      revision\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateSocialArea($input: UpdateSocialAreaInput!) {\n    updateSocialArea(input: $input) {\n      id\n      revision\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminRegionalTeams($includeInactive: Boolean!) {\n    regionalTeams(includeInactive: $includeInactive) {\n      id\n      name\n      active\n      revision\n      socialAreas {\n        id\n        name\n      }\n      viewerCan {\n        update\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminRegionalTeams($includeInactive: Boolean!) {\n    regionalTeams(includeInactive: $includeInactive) {\n      id\n      name\n      active\n      revision\n      socialAreas {\n        id\n        name\n      }\n      viewerCan {\n        update\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateRegionalTeam($input: CreateRegionalTeamInput!) {\n    createRegionalTeam(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateRegionalTeam($input: CreateRegionalTeamInput!) {\n    createRegionalTeam(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateRegionalTeam($input: UpdateRegionalTeamInput!) {\n    updateRegionalTeam(input: $input) {\n      id\n      revision\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateRegionalTeam($input: UpdateRegionalTeamInput!) {\n    updateRegionalTeam(input: $input) {\n      id\n      revision\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminProviders($includeInactive: Boolean!) {\n    providers(includeInactive: $includeInactive) {\n      id\n      name\n      street\n      postalCode\n      city\n      contactName\n      contactEmail\n      contactPhone\n      active\n      revision\n      viewerCan {\n        update\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminProviders($includeInactive: Boolean!) {\n    providers(includeInactive: $includeInactive) {\n      id\n      name\n      street\n      postalCode\n      city\n      contactName\n      contactEmail\n      contactPhone\n      active\n      revision\n      viewerCan {\n        update\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProvider($input: CreateProviderInput!) {\n    createProvider(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateProvider($input: CreateProviderInput!) {\n    createProvider(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProvider($input: UpdateProviderInput!) {\n    updateProvider(input: $input) {\n      id\n      revision\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProvider($input: UpdateProviderInput!) {\n    updateProvider(input: $input) {\n      id\n      revision\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminOfferCategories($includeInactive: Boolean!) {\n    offerCategories(includeInactive: $includeInactive) {\n      id\n      name\n      description\n      financingKind\n      active\n      revision\n      viewerCan {\n        update\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminOfferCategories($includeInactive: Boolean!) {\n    offerCategories(includeInactive: $includeInactive) {\n      id\n      name\n      description\n      financingKind\n      active\n      revision\n      viewerCan {\n        update\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOfferCategory($input: CreateOfferCategoryInput!) {\n    createOfferCategory(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateOfferCategory($input: CreateOfferCategoryInput!) {\n    createOfferCategory(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateOfferCategory($input: UpdateOfferCategoryInput!) {\n    updateOfferCategory(input: $input) {\n      id\n      revision\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateOfferCategory($input: UpdateOfferCategoryInput!) {\n    updateOfferCategory(input: $input) {\n      id\n      revision\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminBudgetYears($includeInactive: Boolean!) {\n    budgetYears(includeInactive: $includeInactive) {\n      id\n      year\n      startsOn\n      endsOn\n      closed\n      revision\n      viewerCan {\n        update\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminBudgetYears($includeInactive: Boolean!) {\n    budgetYears(includeInactive: $includeInactive) {\n      id\n      year\n      startsOn\n      endsOn\n      closed\n      revision\n      viewerCan {\n        update\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateBudgetYear($input: CreateBudgetYearInput!) {\n    createBudgetYear(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateBudgetYear($input: CreateBudgetYearInput!) {\n    createBudgetYear(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateBudgetYear($input: UpdateBudgetYearInput!) {\n    updateBudgetYear(input: $input) {\n      id\n      revision\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateBudgetYear($input: UpdateBudgetYearInput!) {\n    updateBudgetYear(input: $input) {\n      id\n      revision\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditEvents($filter: AuditEventFilter, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        occurredAt\n        requestId\n        userId\n        userName\n        role\n        operation\n        entityType\n        entityId\n        outcome\n        details\n        justification\n      }\n      totalCount\n      endCursor\n      hasNextPage\n    }\n  }\n"): (typeof documents)["\n  query AuditEvents($filter: AuditEventFilter, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        occurredAt\n        requestId\n        userId\n        userName\n        role\n        operation\n        entityType\n        entityId\n        outcome\n        details\n        justification\n      }\n      totalCount\n      endCursor\n      hasNextPage\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditUsers {\n    users {\n      id\n      displayName\n      email\n    }\n  }\n"): (typeof documents)["\n  query AuditUsers {\n    users {\n      id\n      displayName\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminUser on User {\n    id\n    email\n    displayName\n    roles\n    active\n    mustChangePassword\n    revision\n    createdAt\n    provider {\n      id\n      name\n    }\n    regionalTeam {\n      id\n      name\n    }\n    socialAreas {\n      id\n      name\n    }\n    viewerCan {\n      update\n      resetPassword\n      deactivate\n      reactivate\n    }\n  }\n"): (typeof documents)["\n  fragment AdminUser on User {\n    id\n    email\n    displayName\n    roles\n    active\n    mustChangePassword\n    revision\n    createdAt\n    provider {\n      id\n      name\n    }\n    regionalTeam {\n      id\n      name\n    }\n    socialAreas {\n      id\n      name\n    }\n    viewerCan {\n      update\n      resetPassword\n      deactivate\n      reactivate\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminUsers {\n    users {\n      ...AdminUser\n    }\n    providers(includeInactive: true) {\n      id\n      name\n      active\n    }\n    regionalTeams(includeInactive: true) {\n      id\n      name\n      active\n    }\n    socialAreas(includeInactive: true) {\n      id\n      name\n      active\n    }\n  }\n"): (typeof documents)["\n  query AdminUsers {\n    users {\n      ...AdminUser\n    }\n    providers(includeInactive: true) {\n      id\n      name\n      active\n    }\n    regionalTeams(includeInactive: true) {\n      id\n      name\n      active\n    }\n    socialAreas(includeInactive: true) {\n      id\n      name\n      active\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      user {\n        ...AdminUser\n      }\n      initialPassword\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      user {\n        ...AdminUser\n      }\n      initialPassword\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      ...AdminUser\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      ...AdminUser\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($id: UUID!) {\n    resetPassword(id: $id) {\n      user {\n        ...AdminUser\n      }\n      initialPassword\n    }\n  }\n"): (typeof documents)["\n  mutation ResetPassword($id: UUID!) {\n    resetPassword(id: $id) {\n      user {\n        ...AdminUser\n      }\n      initialPassword\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeactivateUser($id: UUID!) {\n    deactivateUser(id: $id) {\n      ...AdminUser\n    }\n  }\n"): (typeof documents)["\n  mutation DeactivateUser($id: UUID!) {\n    deactivateUser(id: $id) {\n      ...AdminUser\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReactivateUser($id: UUID!) {\n    reactivateUser(id: $id) {\n      ...AdminUser\n    }\n  }\n"): (typeof documents)["\n  mutation ReactivateUser($id: UUID!) {\n    reactivateUser(id: $id) {\n      ...AdminUser\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CallSummary on CallForInterest {\n    id\n    title\n    deadline\n    isOpen\n    openToAll\n    countyWide\n    financingKind\n    situationDescription\n    openedByName\n    createdAt\n    closedAt\n    closedByName\n    socialArea {\n      id\n      name\n    }\n    offerCategory {\n      id\n      name\n      description\n    }\n    invitedProviders {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment CallSummary on CallForInterest {\n    id\n    title\n    deadline\n    isOpen\n    openToAll\n    countyWide\n    financingKind\n    situationDescription\n    openedByName\n    createdAt\n    closedAt\n    closedByName\n    socialArea {\n      id\n      name\n    }\n    offerCategory {\n      id\n      name\n      description\n    }\n    invitedProviders {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApplicationListItem on Application {\n    id\n    state\n    submittedAt\n    updatedAt\n    provider {\n      id\n      name\n    }\n    call {\n      id\n      title\n      deadline\n    }\n    revisions {\n      id\n      number\n      requestedAmount\n    }\n  }\n"): (typeof documents)["\n  fragment ApplicationListItem on Application {\n    id\n    state\n    submittedAt\n    updatedAt\n    provider {\n      id\n      name\n    }\n    call {\n      id\n      title\n      deadline\n    }\n    revisions {\n      id\n      number\n      requestedAmount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CallsForInterest {\n    callsForInterest {\n      ...CallSummary\n      viewerCan {\n        apply\n      }\n    }\n  }\n"): (typeof documents)["\n  query CallsForInterest {\n    callsForInterest {\n      ...CallSummary\n      viewerCan {\n        apply\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CallForInterest($id: UUID!) {\n    callForInterest(id: $id) {\n      ...CallSummary\n      need {\n        id\n      }\n      viewerCan {\n        apply\n        close\n      }\n      applications {\n        ...ApplicationListItem\n      }\n    }\n  }\n"): (typeof documents)["\n  query CallForInterest($id: UUID!) {\n    callForInterest(id: $id) {\n      ...CallSummary\n      need {\n        id\n      }\n      viewerCan {\n        apply\n        close\n      }\n      applications {\n        ...ApplicationListItem\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Applications($filter: ApplicationFilter) {\n    applications(filter: $filter) {\n      ...ApplicationListItem\n    }\n  }\n"): (typeof documents)["\n  query Applications($filter: ApplicationFilter) {\n    applications(filter: $filter) {\n      ...ApplicationListItem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Application($id: UUID!) {\n    application(id: $id) {\n      id\n      state\n      revision\n      createdAt\n      createdByName\n      submittedAt\n      updatedAt\n      withdrawnAt\n      changeRequestComment\n      changesRequestedAt\n      changesRequestedByName\n      offerDescriptionData\n      costCalculationData\n      offerDescriptionVersion {\n        ...RenderableFormVersion\n      }\n      costCalculationVersion {\n        ...RenderableFormVersion\n      }\n      provider {\n        id\n        name\n      }\n      call {\n        ...CallSummary\n        need {\n          id\n        }\n      }\n      revisions {\n        id\n        number\n        submittedAt\n        submittedByName\n        requestedAmount\n      }\n      viewerCan {\n        readData\n        saveDraft\n        submit\n        withdraw\n        requestChanges\n        score\n      }\n    }\n  }\n"): (typeof documents)["\n  query Application($id: UUID!) {\n    application(id: $id) {\n      id\n      state\n      revision\n      createdAt\n      createdByName\n      submittedAt\n      updatedAt\n      withdrawnAt\n      changeRequestComment\n      changesRequestedAt\n      changesRequestedByName\n      offerDescriptionData\n      costCalculationData\n      offerDescriptionVersion {\n        ...RenderableFormVersion\n      }\n      costCalculationVersion {\n        ...RenderableFormVersion\n      }\n      provider {\n        id\n        name\n      }\n      call {\n        ...CallSummary\n        need {\n          id\n        }\n      }\n      revisions {\n        id\n        number\n        submittedAt\n        submittedByName\n        requestedAmount\n      }\n      viewerCan {\n        readData\n        saveDraft\n        submit\n        withdraw\n        requestChanges\n        score\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApplicationRevisionDiff($id: UUID!, $fromRevision: Int!, $toRevision: Int!) {\n    application(id: $id) {\n      id\n      revisionDiff(fromRevision: $fromRevision, toRevision: $toRevision) {\n        formKey\n        formTitle\n        path\n        label\n        before\n        after\n      }\n    }\n  }\n"): (typeof documents)["\n  query ApplicationRevisionDiff($id: UUID!, $fromRevision: Int!, $toRevision: Int!) {\n    application(id: $id) {\n      id\n      revisionDiff(fromRevision: $fromRevision, toRevision: $toRevision) {\n        formKey\n        formTitle\n        path\n        label\n        before\n        after\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApplication($input: CreateApplicationInput!) {\n    createApplication(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApplication($input: CreateApplicationInput!) {\n    createApplication(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveApplicationDraft($input: SaveApplicationDraftInput!) {\n    saveApplicationDraft(input: $input) {\n      id\n      revision\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation SaveApplicationDraft($input: SaveApplicationDraftInput!) {\n    saveApplicationDraft(input: $input) {\n      id\n      revision\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitApplication($input: SubmitApplicationInput!) {\n    submitApplication(input: $input) {\n      application {\n        id\n        revision\n        state\n      }\n      errors {\n        path\n        message\n      }\n      errorCount\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitApplication($input: SubmitApplicationInput!) {\n    submitApplication(input: $input) {\n      application {\n        id\n        revision\n        state\n      }\n      errors {\n        path\n        message\n      }\n      errorCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestApplicationChanges($input: RequestApplicationChangesInput!) {\n    requestApplicationChanges(input: $input) {\n      id\n      revision\n      state\n    }\n  }\n"): (typeof documents)["\n  mutation RequestApplicationChanges($input: RequestApplicationChangesInput!) {\n    requestApplicationChanges(input: $input) {\n      id\n      revision\n      state\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawApplication($input: WithdrawApplicationInput!) {\n    withdrawApplication(input: $input) {\n      id\n      revision\n      state\n    }\n  }\n"): (typeof documents)["\n  mutation WithdrawApplication($input: WithdrawApplicationInput!) {\n    withdrawApplication(input: $input) {\n      id\n      revision\n      state\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NeedCall($id: UUID!) {\n    need(id: $id) {\n      id\n      state\n      revision\n      viewerCan {\n        openCallForInterest\n        closeCallForInterest\n      }\n      callForInterest {\n        ...CallSummary\n        applications {\n          ...ApplicationListItem\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query NeedCall($id: UUID!) {\n    need(id: $id) {\n      id\n      state\n      revision\n      viewerCan {\n        openCallForInterest\n        closeCallForInterest\n      }\n      callForInterest {\n        ...CallSummary\n        applications {\n          ...ApplicationListItem\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CallOptions {\n    offerCategories {\n      id\n      name\n      financingKind\n    }\n    providers {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query CallOptions {\n    offerCategories {\n      id\n      name\n      financingKind\n    }\n    providers {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenCallForInterest($input: OpenCallForInterestInput!) {\n    openCallForInterest(input: $input) {\n      id\n      revision\n      state\n    }\n  }\n"): (typeof documents)["\n  mutation OpenCallForInterest($input: OpenCallForInterestInput!) {\n    openCallForInterest(input: $input) {\n      id\n      revision\n      state\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseCallForInterest($input: CloseCallForInterestInput!) {\n    closeCallForInterest(input: $input) {\n      id\n      revision\n      state\n    }\n  }\n"): (typeof documents)["\n  mutation CloseCallForInterest($input: CloseCallForInterestInput!) {\n    closeCallForInterest(input: $input) {\n      id\n      revision\n      state\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CurrentUser on User {\n    id\n    email\n    displayName\n    roles\n    mustChangePassword\n    provider {\n      id\n      name\n    }\n    regionalTeam {\n      id\n      name\n    }\n    socialAreas {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment CurrentUser on User {\n    id\n    email\n    displayName\n    roles\n    mustChangePassword\n    provider {\n      id\n      name\n    }\n    regionalTeam {\n      id\n      name\n    }\n    socialAreas {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      ...CurrentUser\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      ...CurrentUser\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...CurrentUser\n    }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...CurrentUser\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      ...CurrentUser\n    }\n  }\n"): (typeof documents)["\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      ...CurrentUser\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DecisionQueue {\n    applicationsAwaitingDecision {\n      id\n      submittedAt\n      viewerCanDecide\n      provider {\n        id\n        name\n      }\n      call {\n        id\n        title\n        countyWide\n        socialArea {\n          id\n          name\n        }\n        need {\n          id\n          title\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DecisionQueue {\n    applicationsAwaitingDecision {\n      id\n      submittedAt\n      viewerCanDecide\n      provider {\n        id\n        name\n      }\n      call {\n        id\n        title\n        countyWide\n        socialArea {\n          id\n          name\n        }\n        need {\n          id\n          title\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DecisionRanking($needId: UUID!) {\n    applicationRanking(needId: $needId) {\n      application {\n        id\n      }\n      requestedAmount\n      averageWeightedScore\n      scoreCount\n      rank\n    }\n  }\n"): (typeof documents)["\n  query DecisionRanking($needId: UUID!) {\n    applicationRanking(needId: $needId) {\n      application {\n        id\n      }\n      requestedAmount\n      averageWeightedScore\n      scoreCount\n      rank\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DecisionApplication($id: UUID!) {\n    application(id: $id) {\n      id\n      state\n      revision\n      submittedAt\n      viewerCanDecide\n      costCalculationData\n      provider {\n        id\n        name\n      }\n      revisions {\n        number\n        requestedAmount\n      }\n      call {\n        id\n        title\n        countyWide\n        financingKind\n        offerCategory {\n          id\n          name\n        }\n        socialArea {\n          id\n          name\n        }\n        need {\n          id\n          title\n        }\n      }\n      decision {\n        id\n        outcome\n        justification\n        decidedByName\n        decidedAt\n        approvedAmount\n        periodStart\n        periodEnd\n        financingKind\n        feeHours\n        hourlyRate\n        budgetWarning\n      }\n    }\n  }\n"): (typeof documents)["\n  query DecisionApplication($id: UUID!) {\n    application(id: $id) {\n      id\n      state\n      revision\n      submittedAt\n      viewerCanDecide\n      costCalculationData\n      provider {\n        id\n        name\n      }\n      revisions {\n        number\n        requestedAmount\n      }\n      call {\n        id\n        title\n        countyWide\n        financingKind\n        offerCategory {\n          id\n          name\n        }\n        socialArea {\n          id\n          name\n        }\n        need {\n          id\n          title\n        }\n      }\n      decision {\n        id\n        outcome\n        justification\n        decidedByName\n        decidedAt\n        approvedAmount\n        periodStart\n        periodEnd\n        financingKind\n        feeHours\n        hourlyRate\n        budgetWarning\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BudgetCheck($applicationId: UUID!, $amount: Float!, $periodStart: String!, $periodEnd: String!) {\n    budgetCheck(\n      applicationId: $applicationId\n      amount: $amount\n      periodStart: $periodStart\n      periodEnd: $periodEnd\n    ) {\n      year\n      allocation\n      approvedSoFar\n      amount\n      remaining\n      exceeds\n    }\n  }\n"): (typeof documents)["\n  query BudgetCheck($applicationId: UUID!, $amount: Float!, $periodStart: String!, $periodEnd: String!) {\n    budgetCheck(\n      applicationId: $applicationId\n      amount: $amount\n      periodStart: $periodStart\n      periodEnd: $periodEnd\n    ) {\n      year\n      allocation\n      approvedSoFar\n      amount\n      remaining\n      exceeds\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveApplication($input: ApproveApplicationInput!) {\n    approveApplication(input: $input) {\n      id\n      budgetWarning\n      application {\n        id\n        state\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ApproveApplication($input: ApproveApplicationInput!) {\n    approveApplication(input: $input) {\n      id\n      budgetWarning\n      application {\n        id\n        state\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectApplication($input: RejectApplicationInput!) {\n    rejectApplication(input: $input) {\n      id\n      application {\n        id\n        state\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RejectApplication($input: RejectApplicationInput!) {\n    rejectApplication(input: $input) {\n      id\n      application {\n        id\n        state\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InterimBudgetAllocations($filter: InterimBudgetAllocationFilter) {\n    interimBudgetAllocations(filter: $filter) {\n      id\n      amount\n      year\n      socialAreaId\n      socialAreaName\n      reason\n      setByName\n      createdAt\n    }\n    socialAreas {\n      id\n      name\n    }\n    budgetYears {\n      id\n      year\n      closed\n    }\n  }\n"): (typeof documents)["\n  query InterimBudgetAllocations($filter: InterimBudgetAllocationFilter) {\n    interimBudgetAllocations(filter: $filter) {\n      id\n      amount\n      year\n      socialAreaId\n      socialAreaName\n      reason\n      setByName\n      createdAt\n    }\n    socialAreas {\n      id\n      name\n    }\n    budgetYears {\n      id\n      year\n      closed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetInterimBudgetAllocation($input: SetInterimBudgetAllocationInput!) {\n    setInterimBudgetAllocation(input: $input) {\n      id\n      amount\n      year\n    }\n  }\n"): (typeof documents)["\n  mutation SetInterimBudgetAllocation($input: SetInterimBudgetAllocationInput!) {\n    setInterimBudgetAllocation(input: $input) {\n      id\n      amount\n      year\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EvaluationListItem on Evaluation {\n    id\n    state\n    periodNumber\n    periodFrom\n    periodTo\n    dueDate\n    overdue\n    submittedAt\n    offer {\n      id\n      title\n    }\n  }\n"): (typeof documents)["\n  fragment EvaluationListItem on Evaluation {\n    id\n    state\n    periodNumber\n    periodFrom\n    periodTo\n    dueDate\n    overdue\n    submittedAt\n    offer {\n      id\n      title\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EvaluationDetails on Evaluation {\n    id\n    revision\n    state\n    periodNumber\n    periodFrom\n    periodTo\n    dueDate\n    overdue\n    data\n    submittedAt\n    changeRequestComment\n    changesRequestedAt\n    changesRequestedByName\n    acceptedAt\n    acceptedByName\n    offer {\n      id\n      title\n      periodStart\n      periodEnd\n      goalRevisions {\n        id\n        number\n        goals {\n          goal\n          indicator\n          targetValue\n        }\n      }\n    }\n    formVersion {\n      ...RenderableFormVersion\n    }\n    revisions {\n      id\n      number\n      submittedAt\n      submittedByName\n    }\n    fact {\n      participantsReached\n      newParticipants\n      sessionsHeld\n      professionalHoursDelivered\n      expensesInPeriod\n    }\n    goalFacts {\n      goalIndex\n      goal\n      achievement\n      achievementPercent\n      percentGiven\n    }\n    viewerCan {\n      readData\n      saveDraft\n      submit\n      accept\n      requestChanges\n    }\n  }\n"): (typeof documents)["\n  fragment EvaluationDetails on Evaluation {\n    id\n    revision\n    state\n    periodNumber\n    periodFrom\n    periodTo\n    dueDate\n    overdue\n    data\n    submittedAt\n    changeRequestComment\n    changesRequestedAt\n    changesRequestedByName\n    acceptedAt\n    acceptedByName\n    offer {\n      id\n      title\n      periodStart\n      periodEnd\n      goalRevisions {\n        id\n        number\n        goals {\n          goal\n          indicator\n          targetValue\n        }\n      }\n    }\n    formVersion {\n      ...RenderableFormVersion\n    }\n    revisions {\n      id\n      number\n      submittedAt\n      submittedByName\n    }\n    fact {\n      participantsReached\n      newParticipants\n      sessionsHeld\n      professionalHoursDelivered\n      expensesInPeriod\n    }\n    goalFacts {\n      goalIndex\n      goal\n      achievement\n      achievementPercent\n      percentGiven\n    }\n    viewerCan {\n      readData\n      saveDraft\n      submit\n      accept\n      requestChanges\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Evaluations($filter: EvaluationFilter) {\n    evaluations(filter: $filter) {\n      ...EvaluationListItem\n    }\n  }\n"): (typeof documents)["\n  query Evaluations($filter: EvaluationFilter) {\n    evaluations(filter: $filter) {\n      ...EvaluationListItem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EvaluationsAwaitingReview {\n    evaluationsAwaitingReview {\n      ...EvaluationListItem\n    }\n  }\n"): (typeof documents)["\n  query EvaluationsAwaitingReview {\n    evaluationsAwaitingReview {\n      ...EvaluationListItem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverdueEvaluations {\n    overdueEvaluations {\n      ...EvaluationListItem\n    }\n  }\n"): (typeof documents)["\n  query OverdueEvaluations {\n    overdueEvaluations {\n      ...EvaluationListItem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Evaluation($id: UUID!) {\n    evaluation(id: $id) {\n      ...EvaluationDetails\n    }\n  }\n"): (typeof documents)["\n  query Evaluation($id: UUID!) {\n    evaluation(id: $id) {\n      ...EvaluationDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveEvaluationDraft($input: SaveEvaluationDraftInput!) {\n    saveEvaluationDraft(input: $input) {\n      id\n      revision\n    }\n  }\n"): (typeof documents)["\n  mutation SaveEvaluationDraft($input: SaveEvaluationDraftInput!) {\n    saveEvaluationDraft(input: $input) {\n      id\n      revision\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitEvaluation($input: SubmitEvaluationInput!) {\n    submitEvaluation(input: $input) {\n      evaluation {\n        id\n        revision\n        state\n      }\n      errors {\n        path\n        message\n      }\n      errorCount\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitEvaluation($input: SubmitEvaluationInput!) {\n    submitEvaluation(input: $input) {\n      evaluation {\n        id\n        revision\n        state\n      }\n      errors {\n        path\n        message\n      }\n      errorCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptEvaluation($input: AcceptEvaluationInput!) {\n    acceptEvaluation(input: $input) {\n      id\n      revision\n      state\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptEvaluation($input: AcceptEvaluationInput!) {\n    acceptEvaluation(input: $input) {\n      id\n      revision\n      state\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestEvaluationChanges($input: RequestEvaluationChangesInput!) {\n    requestEvaluationChanges(input: $input) {\n      id\n      revision\n      state\n    }\n  }\n"): (typeof documents)["\n  mutation RequestEvaluationChanges($input: RequestEvaluationChangesInput!) {\n    requestEvaluationChanges(input: $input) {\n      id\n      revision\n      state\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OfferEvaluations($offerId: UUID!) {\n    offer(id: $offerId) {\n      id\n      revision\n      state\n      canAdjustGoals\n      evaluations {\n        ...EvaluationListItem\n      }\n      goalRevisions {\n        id\n        number\n        createdAt\n        createdByName\n        reason\n        goals {\n          goal\n          indicator\n          targetValue\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OfferEvaluations($offerId: UUID!) {\n    offer(id: $offerId) {\n      id\n      revision\n      state\n      canAdjustGoals\n      evaluations {\n        ...EvaluationListItem\n      }\n      goalRevisions {\n        id\n        number\n        createdAt\n        createdByName\n        reason\n        goals {\n          goal\n          indicator\n          targetValue\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdjustOfferGoals($input: AdjustOfferGoalsInput!) {\n    adjustOfferGoals(input: $input) {\n      id\n      revision\n    }\n  }\n"): (typeof documents)["\n  mutation AdjustOfferGoals($input: AdjustOfferGoalsInput!) {\n    adjustOfferGoals(input: $input) {\n      id\n      revision\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RenderableFormVersion on FormVersion {\n    id\n    formKey\n    number\n    title\n    description\n    schema\n    uischema\n    sampleData\n  }\n"): (typeof documents)["\n  fragment RenderableFormVersion on FormVersion {\n    id\n    formKey\n    number\n    title\n    description\n    schema\n    uischema\n    sampleData\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Forms {\n    forms {\n      key\n      title\n      description\n      viewerCan {\n        submit\n      }\n      published {\n        id\n        number\n      }\n    }\n  }\n"): (typeof documents)["\n  query Forms {\n    forms {\n      key\n      title\n      description\n      viewerCan {\n        submit\n      }\n      published {\n        id\n        number\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Form($key: String!) {\n    form(key: $key) {\n      key\n      title\n      description\n      viewerCan {\n        submit\n      }\n      published {\n        ...RenderableFormVersion\n      }\n    }\n  }\n"): (typeof documents)["\n  query Form($key: String!) {\n    form(key: $key) {\n      key\n      title\n      description\n      viewerCan {\n        submit\n      }\n      published {\n        ...RenderableFormVersion\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Submission($id: UUID!) {\n    submission(id: $id) {\n      id\n      formKey\n      clientSubmissionId\n      createdAt\n      createdBy\n      data\n      viewerCan {\n        readData\n      }\n      formVersion {\n        ...RenderableFormVersion\n      }\n    }\n  }\n"): (typeof documents)["\n  query Submission($id: UUID!) {\n    submission(id: $id) {\n      id\n      formKey\n      clientSubmissionId\n      createdAt\n      createdBy\n      data\n      viewerCan {\n        readData\n      }\n      formVersion {\n        ...RenderableFormVersion\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Submissions($formKey: String!) {\n    submissions(formKey: $formKey) {\n      id\n      formKey\n      createdAt\n      provider {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query Submissions($formKey: String!) {\n    submissions(formKey: $formKey) {\n      id\n      formKey\n      createdAt\n      provider {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitForm($formKey: String!, $data: JSON!, $clientSubmissionId: ID!, $formVersionId: UUID) {\n    submitForm(\n      formKey: $formKey\n      data: $data\n      clientSubmissionId: $clientSubmissionId\n      formVersionId: $formVersionId\n    ) {\n      submission {\n        id\n      }\n      errors {\n        path\n        message\n      }\n      errorCount\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitForm($formKey: String!, $data: JSON!, $clientSubmissionId: ID!, $formVersionId: UUID) {\n    submitForm(\n      formKey: $formKey\n      data: $data\n      clientSubmissionId: $clientSubmissionId\n      formVersionId: $formVersionId\n    ) {\n      submission {\n        id\n      }\n      errors {\n        path\n        message\n      }\n      errorCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NeedListItem on Need {\n    id\n    title\n    state\n    countyWide\n    priority\n    outcome\n    createdAt\n    createdByName\n    socialArea {\n      id\n      name\n    }\n    viewerCan {\n      prioritise\n    }\n  }\n"): (typeof documents)["\n  fragment NeedListItem on Need {\n    id\n    title\n    state\n    countyWide\n    priority\n    outcome\n    createdAt\n    createdByName\n    socialArea {\n      id\n      name\n    }\n    viewerCan {\n      prioritise\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Needs($filter: NeedFilter, $openFilter: NeedFilter) {\n    needs(filter: $filter) {\n      ...NeedListItem\n    }\n    openNeeds: needs(filter: $openFilter) {\n      ...NeedListItem\n    }\n  }\n"): (typeof documents)["\n  query Needs($filter: NeedFilter, $openFilter: NeedFilter) {\n    needs(filter: $filter) {\n      ...NeedListItem\n    }\n    openNeeds: needs(filter: $openFilter) {\n      ...NeedListItem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NeedSocialAreas {\n    socialAreas {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query NeedSocialAreas {\n    socialAreas {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Need($id: UUID!) {\n    need(id: $id) {\n      id\n      title\n      state\n      revision\n      countyWide\n      socialArea {\n        id\n        name\n      }\n      situationDescription\n      createdAt\n      createdByName\n      updatedAt\n      priority\n      outcome\n      coveredByResources\n      resourcesJustification\n      resourcesDecidedAt\n      resourcesDecidedByName\n      consideredOffers\n      consideredProviders {\n        id\n        name\n      }\n      offerWanted\n      offerJustification\n      offerDecidedAt\n      offerDecidedByName\n      contactYouthOffice\n      contactProviders\n      fundingProgrammes\n      professionalJustification\n      resourcesWeighed\n      developmentWithoutOffer\n      timeline {\n        kind\n        at\n        byName\n        decision\n        justification\n        bodyName\n        involvement\n        date\n        outcome\n      }\n      viewerCan {\n        update\n        planOffer\n        decideResources\n        decideOffer\n        recordBodyInvolvement\n        prioritise\n      }\n    }\n  }\n"): (typeof documents)["\n  query Need($id: UUID!) {\n    need(id: $id) {\n      id\n      title\n      state\n      revision\n      countyWide\n      socialArea {\n        id\n        name\n      }\n      situationDescription\n      createdAt\n      createdByName\n      updatedAt\n      priority\n      outcome\n      coveredByResources\n      resourcesJustification\n      resourcesDecidedAt\n      resourcesDecidedByName\n      consideredOffers\n      consideredProviders {\n        id\n        name\n      }\n      offerWanted\n      offerJustification\n      offerDecidedAt\n      offerDecidedByName\n      contactYouthOffice\n      contactProviders\n      fundingProgrammes\n      professionalJustification\n      resourcesWeighed\n      developmentWithoutOffer\n      timeline {\n        kind\n        at\n        byName\n        decision\n        justification\n        bodyName\n        involvement\n        date\n        outcome\n      }\n      viewerCan {\n        update\n        planOffer\n        decideResources\n        decideOffer\n        recordBodyInvolvement\n        prioritise\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NeedBodies {\n    bodies {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query NeedBodies {\n    bodies {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NeedProviders {\n    providers {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query NeedProviders {\n    providers {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordNeed($input: RecordNeedInput!) {\n    recordNeed(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RecordNeed($input: RecordNeedInput!) {\n    recordNeed(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateNeed($input: UpdateNeedInput!) {\n    updateNeed(input: $input) {\n      id\n      revision\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateNeed($input: UpdateNeedInput!) {\n    updateNeed(input: $input) {\n      id\n      revision\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecideNeedResources($input: DecideNeedResourcesInput!) {\n    decideNeedResources(input: $input) {\n      id\n      revision\n      state\n    }\n  }\n"): (typeof documents)["\n  mutation DecideNeedResources($input: DecideNeedResourcesInput!) {\n    decideNeedResources(input: $input) {\n      id\n      revision\n      state\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecideNeedOffer($input: DecideNeedOfferInput!) {\n    decideNeedOffer(input: $input) {\n      id\n      revision\n      state\n    }\n  }\n"): (typeof documents)["\n  mutation DecideNeedOffer($input: DecideNeedOfferInput!) {\n    decideNeedOffer(input: $input) {\n      id\n      revision\n      state\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordNeedBodyInvolvement($input: RecordNeedBodyInvolvementInput!) {\n    recordNeedBodyInvolvement(input: $input) {\n      id\n      revision\n    }\n  }\n"): (typeof documents)["\n  mutation RecordNeedBodyInvolvement($input: RecordNeedBodyInvolvementInput!) {\n    recordNeedBodyInvolvement(input: $input) {\n      id\n      revision\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NeedPrioritisation($filter: NeedFilter!) {\n    needs(filter: $filter) {\n      ...NeedListItem\n    }\n    socialAreas {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query NeedPrioritisation($filter: NeedFilter!) {\n    needs(filter: $filter) {\n      ...NeedListItem\n    }\n    socialAreas {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PrioritiseNeeds($input: PrioritiseNeedsInput!) {\n    prioritiseNeeds(input: $input) {\n      id\n      priority\n    }\n  }\n"): (typeof documents)["\n  mutation PrioritiseNeeds($input: PrioritiseNeedsInput!) {\n    prioritiseNeeds(input: $input) {\n      id\n      priority\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NoticesToIssue {\n    applicationsAwaitingNotice {\n      id\n      viewerCanIssueNotice\n      provider {\n        id\n        name\n      }\n      call {\n        id\n        title\n        countyWide\n        socialArea {\n          id\n          name\n        }\n        need {\n          id\n          title\n        }\n      }\n      decision {\n        id\n        approvedAmount\n        periodStart\n        periodEnd\n        financingKind\n        decidedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query NoticesToIssue {\n    applicationsAwaitingNotice {\n      id\n      viewerCanIssueNotice\n      provider {\n        id\n        name\n      }\n      call {\n        id\n        title\n        countyWide\n        socialArea {\n          id\n          name\n        }\n        need {\n          id\n          title\n        }\n      }\n      decision {\n        id\n        approvedAmount\n        periodStart\n        periodEnd\n        financingKind\n        decidedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IssuedNotices {\n    decisionNotices {\n      id\n      number\n      noticeDate\n      addresseeName\n      title\n      amount\n      financingKind\n    }\n  }\n"): (typeof documents)["\n  query IssuedNotices {\n    decisionNotices {\n      id\n      number\n      noticeDate\n      addresseeName\n      title\n      amount\n      financingKind\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DecisionNoticeDetail($id: UUID!) {\n    decisionNotice(id: $id) {\n      id\n      number\n      noticeDate\n      addresseeName\n      addresseeStreet\n      addresseePostalCode\n      addresseeCity\n      title\n      socialAreaName\n      offerCategoryName\n      amount\n      periodStart\n      periodEnd\n      financingKind\n      legalBasis\n      feeHours\n      hourlyRate\n      issuedByName\n      pdfUrl\n      shares {\n        budgetYear\n        amount\n      }\n      offer {\n        id\n      }\n      application {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query DecisionNoticeDetail($id: UUID!) {\n    decisionNotice(id: $id) {\n      id\n      number\n      noticeDate\n      addresseeName\n      addresseeStreet\n      addresseePostalCode\n      addresseeCity\n      title\n      socialAreaName\n      offerCategoryName\n      amount\n      periodStart\n      periodEnd\n      financingKind\n      legalBasis\n      feeHours\n      hourlyRate\n      issuedByName\n      pdfUrl\n      shares {\n        budgetYear\n        amount\n      }\n      offer {\n        id\n      }\n      application {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IssueNotice($applicationId: UUID!, $noticeDate: String) {\n    issueNotice(applicationId: $applicationId, noticeDate: $noticeDate) {\n      id\n      number\n    }\n  }\n"): (typeof documents)["\n  mutation IssueNotice($applicationId: UUID!, $noticeDate: String) {\n    issueNotice(applicationId: $applicationId, noticeDate: $noticeDate) {\n      id\n      number\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Offers($filter: OfferFilter, $sort: OfferSort, $limit: Int, $offset: Int) {\n    offers(filter: $filter, sort: $sort, limit: $limit, offset: $offset) {\n      totalCount\n      nodes {\n        id\n        title\n        countyWide\n        financingKind\n        state\n        approvedAmount\n        nextEvaluationDue\n        nextEvaluationOverdue\n        socialArea {\n          id\n          name\n        }\n        provider {\n          id\n          name\n        }\n        offerCategory {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Offers($filter: OfferFilter, $sort: OfferSort, $limit: Int, $offset: Int) {\n    offers(filter: $filter, sort: $sort, limit: $limit, offset: $offset) {\n      totalCount\n      nodes {\n        id\n        title\n        countyWide\n        financingKind\n        state\n        approvedAmount\n        nextEvaluationDue\n        nextEvaluationOverdue\n        socialArea {\n          id\n          name\n        }\n        provider {\n          id\n          name\n        }\n        offerCategory {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OfferFilterOptions {\n    socialAreas(includeInactive: true) {\n      id\n      name\n    }\n    regionalTeams(includeInactive: true) {\n      id\n      name\n    }\n    providers(includeInactive: true) {\n      id\n      name\n    }\n    offerCategories(includeInactive: true) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query OfferFilterOptions {\n    socialAreas(includeInactive: true) {\n      id\n      name\n    }\n    regionalTeams(includeInactive: true) {\n      id\n      name\n    }\n    providers(includeInactive: true) {\n      id\n      name\n    }\n    offerCategories(includeInactive: true) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Offer($id: UUID!) {\n    offer(id: $id) {\n      id\n      title\n      countyWide\n      financingKind\n      state\n      periodStart\n      periodEnd\n      approvedAmount\n      feeHours\n      hourlyRate\n      endedAt\n      nextEvaluationDue\n      nextEvaluationOverdue\n      socialArea {\n        id\n        name\n        regionalTeam {\n          id\n          name\n        }\n      }\n      provider {\n        id\n        name\n      }\n      offerCategory {\n        id\n        name\n      }\n      need {\n        id\n        title\n      }\n      application {\n        id\n      }\n      viewerCan {\n        readNeed\n        readApplication\n      }\n    }\n  }\n"): (typeof documents)["\n  query Offer($id: UUID!) {\n    offer(id: $id) {\n      id\n      title\n      countyWide\n      financingKind\n      state\n      periodStart\n      periodEnd\n      approvedAmount\n      feeHours\n      hourlyRate\n      endedAt\n      nextEvaluationDue\n      nextEvaluationOverdue\n      socialArea {\n        id\n        name\n        regionalTeam {\n          id\n          name\n        }\n      }\n      provider {\n        id\n        name\n      }\n      offerCategory {\n        id\n        name\n      }\n      need {\n        id\n        title\n      }\n      application {\n        id\n      }\n      viewerCan {\n        readNeed\n        readApplication\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ScoreDetails on Score {\n    id\n    revision\n    scorerName\n    submittedAt\n    updatedAt\n    weightedScore\n    data\n    criteriaVersion {\n      ...RenderableFormVersion\n    }\n    revisions {\n      id\n      number\n      submittedAt\n      submittedByName\n      weightedScore\n    }\n    viewerCan {\n      readData\n      saveDraft\n      submit\n    }\n  }\n"): (typeof documents)["\n  fragment ScoreDetails on Score {\n    id\n    revision\n    scorerName\n    submittedAt\n    updatedAt\n    weightedScore\n    data\n    criteriaVersion {\n      ...RenderableFormVersion\n    }\n    revisions {\n      id\n      number\n      submittedAt\n      submittedByName\n      weightedScore\n    }\n    viewerCan {\n      readData\n      saveDraft\n      submit\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApplicationScores($id: UUID!) {\n    application(id: $id) {\n      id\n      state\n      viewerCan {\n        score\n      }\n      scores {\n        ...ScoreDetails\n      }\n    }\n  }\n"): (typeof documents)["\n  query ApplicationScores($id: UUID!) {\n    application(id: $id) {\n      id\n      state\n      viewerCan {\n        score\n      }\n      scores {\n        ...ScoreDetails\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartScore($input: StartScoreInput!) {\n    startScore(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation StartScore($input: StartScoreInput!) {\n    startScore(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveScoreDraft($input: SaveScoreDraftInput!) {\n    saveScoreDraft(input: $input) {\n      id\n      revision\n    }\n  }\n"): (typeof documents)["\n  mutation SaveScoreDraft($input: SaveScoreDraftInput!) {\n    saveScoreDraft(input: $input) {\n      id\n      revision\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitScore($input: SubmitScoreInput!) {\n    submitScore(input: $input) {\n      score {\n        id\n        revision\n        weightedScore\n      }\n      errors {\n        path\n        message\n      }\n      errorCount\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitScore($input: SubmitScoreInput!) {\n    submitScore(input: $input) {\n      score {\n        id\n        revision\n        weightedScore\n      }\n      errors {\n        path\n        message\n      }\n      errorCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApplicationRanking($needId: UUID!) {\n    need(id: $needId) {\n      id\n      title\n      callForInterest {\n        id\n        title\n      }\n    }\n    applicationRanking(needId: $needId) {\n      rank\n      averageWeightedScore\n      requestedAmount\n      scoreCount\n      application {\n        id\n        state\n        submittedAt\n        provider {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ApplicationRanking($needId: UUID!) {\n    need(id: $needId) {\n      id\n      title\n      callForInterest {\n        id\n        title\n      }\n    }\n    applicationRanking(needId: $needId) {\n      rank\n      averageWeightedScore\n      requestedAmount\n      scoreCount\n      application {\n        id\n        state\n        submittedAt\n        provider {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyTasks($limit: Int!) {\n    myTasks(limit: $limit) {\n      totalCount\n      tasks {\n        id\n        kind\n        title\n        recordType\n        recordId\n        path\n        since\n        dueAt\n        overdue\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyTasks($limit: Int!) {\n    myTasks(limit: $limit) {\n      totalCount\n      tasks {\n        id\n        kind\n        title\n        recordType\n        recordId\n        path\n        since\n        dueAt\n        overdue\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyTaskCount {\n    myTasks(limit: 0) {\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query MyTaskCount {\n    myTasks(limit: 0) {\n      totalCount\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;