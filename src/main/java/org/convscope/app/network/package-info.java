/** app.network */
package org.convscope.app.network;
