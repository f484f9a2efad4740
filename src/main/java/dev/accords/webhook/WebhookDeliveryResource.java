package dev.accords.webhook;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import dev.accords.http.Idempotency;
import dev.accords.http.RequestParams;
import dev.accords.paging.PageCursor;
import dev.accords.security.Roles;

/** An endpoint's delivery log, and redelivery. Admins only, like the endpoints. */
@Path("/v1/webhook-endpoints/{endpointId}/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class WebhookDeliveryResource {

    @Inject
    WebhookDeliveryService service;
    @Inject
    Idempotency idempotency;

    @GET
    public WebhookDeliveryPage listWebhookDeliveries(@Context UriInfo uri, @PathParam("endpointId") String endpointId,
                                                     @QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
                                                     @QueryParam("status") String status) {
        RequestParams.allowOnly(uri, "limit", "cursor", "status");
        return service.list(RequestParams.uuid("endpointId", endpointId),
                status == null ? null : RequestParams.enumValue("status", status, WebhookDeliveryStatus.class),
                RequestParams.limit(limit), PageCursor.decode(cursor, WebhookDeliveryStore.ORDERING));
    }

    @GET
    @Path("/{deliveryId}")
    public WebhookDeliveryView getWebhookDelivery(@PathParam("endpointId") String endpointId,
                                                  @PathParam("deliveryId") String deliveryId) {
        return service.get(RequestParams.uuid("endpointId", endpointId), RequestParams.uuid("deliveryId", deliveryId));
    }

    @POST
    @Path("/{deliveryId}/redeliver")
    public Response redeliverWebhookDelivery(@PathParam("endpointId") String endpointId,
                                             @PathParam("deliveryId") String deliveryId,
                                             @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        UUID endpoint = RequestParams.uuid("endpointId", endpointId);
        UUID delivery = RequestParams.uuid("deliveryId", deliveryId);
        String operation = "POST /v1/webhook-endpoints/" + endpoint + "/deliveries/" + delivery + "/redeliver";
        return idempotency.execute(operation, idempotencyKey, null,
                () -> Response.accepted(service.redeliver(endpoint, delivery)).build());
    }
}
